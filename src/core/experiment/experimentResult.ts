import { compareRuns } from '../analysis/savings';
import type { ExperimentConfig } from '../config/experimentConfig';
import type { ExperimentResult, RunResult } from './resultTypes';

/** What an experiment result carries besides its config and runs. */
export interface ExperimentResultExtras {
  /** The backend it trained on (the UI keeps it in its state while the worker trains). */
  backend: string;
  failure?: ExperimentResult['failure'];
  uploadedDataset?: ExperimentResult['uploadedDataset'];
  classNames?: string[];
  hardClasses?: number[];
}

/** Whether a run is compared with IID: it ran to its end, or to where the user stopped it (not diverged, not still training). */
export function isComparable(run: RunResult): boolean {
  return run.stoppedEarly === undefined || run.stoppedEarly.reason === 'user';
}

/**
 * The one place an ExperimentResult is assembled — by the experiment itself, and by the UI for the
 * result so far (saved while training, kept after a crash, drawn on the Pareto chart).
 */
export function buildExperimentResult(
  config: ExperimentConfig,
  runs: RunResult[],
  { backend, failure, uploadedDataset, classNames, hardClasses }: ExperimentResultExtras,
): ExperimentResult {
  return {
    config,
    backend,
    runs,
    comparisons: compareRuns(runs.filter(isComparable)),
    ...(failure ? { failure } : {}),
    ...(uploadedDataset ? { uploadedDataset } : {}),
    ...(classNames ? { classNames } : {}),
    ...(hardClasses ? { hardClasses } : {}),
  };
}
