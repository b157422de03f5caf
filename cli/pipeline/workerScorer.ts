import { Worker } from 'node:worker_threads';
import type { Dataset } from '../../src/core/data/dataset';
import type { StartScorer } from '../../src/core/pipeline/recoverScorer';
import { linkScorerThread } from '../../src/core/pipeline/scorerThreadLink';
import type { FromScorerThread, ScorerThreadData } from '../../src/core/pipeline/scorerThreadProtocol';

export interface WorkerScorerOptions {
  stallMs?: number;
  /** Warm each thread's backend before its run is timed (default true). */
  warmUp?: boolean;
  /** Test only: each started thread goes silent after this many sub-batches. */
  hangAfter?: number;
  /** Test only: called with each worker as it starts (a test terminates one to lose it). */
  onWorker?: (worker: Worker) => void;
}

/** Starts each pipelined run's scorer side in a Node worker thread (docs/architecture.md, "Pipeline"). */
export function workerScorerStarter(dataset: Dataset, backend: 'wasm' | 'cpu', options: WorkerScorerOptions = {}): StartScorer {
  return (spec) => {
    const data: ScorerThreadData = {
      spec,
      dataset,
      backend,
      warmUp: options.warmUp ?? true,
      ...(options.hangAfter !== undefined ? { hangAfter: options.hangAfter } : {}),
    };
    const worker = new Worker(new URL('./scorerThreadBoot.js', import.meta.url), { workerData: data });
    options.onWorker?.(worker);
    return linkScorerThread(
      spec,
      {
        post: (message) => worker.postMessage(message),
        listen: (onMessage, onLost) => {
          worker.on('message', (m: FromScorerThread) => onMessage(m));
          worker.on('error', (error) => onLost(`its worker threw: ${error.message}`));
          worker.on('exit', (code) => onLost(`its worker exited with code ${code}`));
        },
        terminate: async () => void (await worker.terminate()),
      },
      options.stallMs,
    );
  };
}
