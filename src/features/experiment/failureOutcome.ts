import type { ExperimentEvent } from '../../core/experiment/events';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { EngineLostError } from '../../worker/engine';
import { experimentReducer, resultSoFar, type ExperimentState } from './liveState';

export interface FailureOutcome {
  message: string;
  /** Everything so far, to save as the unfinished record (never as a finished one): null if nothing ran. */
  soFar: ExperimentResult | null;
  /** The engine lost its worker or device: worth resuming from the checkpoint (a refused request is not). */
  resumable: boolean;
}

/**
 * What an experiment that did not finish leaves: its state once the events still queued for
 * rendering are applied, as a result so far (finished runs and the partial curve of the one
 * training, which is marked unfinished). Its checkpoint is kept: only a finished experiment or the
 * user's Delete removes one.
 */
export function failureOutcome(state: ExperimentState, queued: readonly ExperimentEvent[], error: unknown): FailureOutcome {
  const after = queued.reduce((s, event) => experimentReducer(s, { type: 'event', event }), state);
  return {
    message: error instanceof Error ? error.message : String(error),
    soFar: resultSoFar(after),
    resumable: error instanceof EngineLostError,
  };
}
