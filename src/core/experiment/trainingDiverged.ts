import type { RunResult } from './resultTypes';

/** Raised when a loss stops being finite; carries the run so far so nothing finished is lost. */
export class TrainingDivergedError extends Error {
  constructor(
    message: string,
    readonly partial: RunResult,
  ) {
    super(message);
    this.name = 'TrainingDivergedError';
  }
}
