import type { Dataset } from '../core/data/dataset';
import type { StartScorer } from '../core/pipeline/recoverScorer';
import { linkScorerThread } from '../core/pipeline/scorerThreadLink';
import type { FromScorerThread, ScorerThreadData } from '../core/pipeline/scorerThreadProtocol';

/**
 * Starts each pipelined run's scorer side in a Web Worker of its own (docs/architecture.md, "Pipeline"),
 * from the learner's worker: the run and a copy of the data go in its first message.
 */
export function webScorerStarter(dataset: Dataset, backend: string): StartScorer {
  return (spec) => {
    const worker = new Worker(new URL('./scorer.worker.ts', import.meta.url), { type: 'module', name: `scorer ${spec.runId}` });
    const data: ScorerThreadData = { spec, dataset, backend };
    worker.postMessage({ type: 'start', data });
    return linkScorerThread(spec, {
      post: (message) => worker.postMessage(message),
      listen: (onMessage, onLost) => {
        worker.onmessage = (event: MessageEvent<FromScorerThread>) => onMessage(event.data);
        worker.onerror = (event) => {
          event.preventDefault();
          onLost(`its worker threw: ${event.message || 'an error it did not describe'}`);
        };
        worker.onmessageerror = () => onLost('a message from its worker could not be read');
      },
      terminate: () => {
        worker.terminate();
        return Promise.resolve();
      },
    });
  };
}
