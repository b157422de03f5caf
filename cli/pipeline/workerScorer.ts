import { Worker } from 'node:worker_threads';
import type { Dataset } from '../../src/core/data/dataset';
import { BoundedQueue, takeOrStall } from '../../src/core/pipeline/boundedQueue';
import { DEFAULT_STALL_MS } from '../../src/core/pipeline/inProcessScorer';
import type { StartScorer } from '../../src/core/pipeline/recoverScorer';
import { PipelineStalledError, ScorerLostError, type ScorerMessage } from '../../src/core/pipeline/scorerMessages';
import type { FromScorerThread, ScorerThreadData, ToScorerThread } from './threadMessages';

/** A scorer thread that has not said `ready` within this long (tfjs start, data upload, warm-up) is reported as stalled. */
export const STARTUP_MS = 60_000;

export interface WorkerScorerOptions {
  stallMs?: number;
  /** Warm each thread's backend before its run is timed (default true). */
  warmUp?: boolean;
  /** Test only: each started thread goes silent after this many sub-batches. */
  hangAfter?: number;
  /** Test only: called with each worker as it starts (a test terminates one to lose it). */
  onWorker?: (worker: Worker) => void;
}

/**
 * Starts each pipelined run's scorer side in a worker thread (docs/architecture.md, "Pipeline"). The
 * learner side takes sub-batches from a local queue fed by the thread's messages and sends a credit
 * back for each, so the thread is never more than `depth` sub-batches ahead. A thread that exits or
 * throws is a ScorerLostError (the run resumes from its checkpoint); one silent for `stallMs` (no
 * sub-batch, no heartbeat) is a PipelineStalledError.
 */
export function workerScorerStarter(dataset: Dataset, backend: 'wasm' | 'cpu', options: WorkerScorerOptions = {}): StartScorer {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
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
    // The thread holds at most `depth` credits, plus the final `finished` message: depth + 1 is never exceeded.
    const queue = new BoundedQueue<ScorerMessage>(spec.depth + 1);
    let markReady = () => {};
    let failStart: (error: Error) => void = () => {};
    const started = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    started.catch(() => {}); // a start that fails is reported by ready() or take(), whichever runs
    let lastAlive = performance.now();
    let closing = false;
    const lost = (why: string) => {
      if (closing) return;
      const error = new ScorerLostError(spec.runId, why);
      queue.close(error);
      failStart(error);
    };
    worker.on('message', (m: FromScorerThread) => {
      lastAlive = performance.now();
      if (m.type === 'ready') markReady();
      else if (m.type === 'message') queue.put(m.message);
      else if (m.type === 'failed') lost(`its worker failed: ${m.message}`);
    });
    worker.on('error', (error) => lost(`its worker threw: ${error.message}`));
    worker.on('exit', (code) => lost(`its worker exited with code ${code}`));
    return {
      ready: () => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new PipelineStalledError(spec.runId, STARTUP_MS)), STARTUP_MS);
        });
        return Promise.race([started, late]).finally(() => clearTimeout(timer));
      },
      take: async () => {
        const message = await takeOrStall(
          queue,
          () => lastAlive,
          stallMs,
          () => new PipelineStalledError(spec.runId, stallMs),
        );
        worker.postMessage({ type: 'credit' } satisfies ToScorerThread);
        return message;
      },
      queued: () => queue.size,
      close: async () => {
        closing = true;
        queue.close(new Error(`pipeline of ${spec.runId}: closed by the learner side`));
        await worker.terminate();
      },
    };
  };
}
