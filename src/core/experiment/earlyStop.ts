import type { ExperimentCheckpoint } from './checkpoint';
import type { ExperimentResult, RunResult } from './resultTypes';

/** Why a run ended before its last step: the user stopped it, a loss diverged, or it was saved while training. */
export const STOP_REASONS = ['user', 'diverged', 'unfinished'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** `reason` is for code to test; `detail` is the sentence shown (e.g. "diverged at step 12"). */
export interface EarlyStop {
  reason: StopReason;
  detail: string;
}

export const stoppedByUser = (): EarlyStop => ({ reason: 'user', detail: 'stopped by the user' });
export const divergedAtStep = (step: number): EarlyStop => ({ reason: 'diverged', detail: `diverged at step ${step}` });
export const unfinishedAt = (step: number, totalSteps: number): EarlyStop => ({
  reason: 'unfinished',
  detail: `unfinished: saved at step ${step} of ${totalSteps}`,
});

/**
 * A saved `stoppedEarly` as an EarlyStop: records saved before it was typed (IndexedDB, exported
 * JSON) carry the sentence alone — "stopped by the user", "diverged at step N", "unfinished: …".
 * Returns null for anything else.
 */
export function readEarlyStop(saved: unknown): EarlyStop | null {
  if (typeof saved === 'string') {
    if (saved === 'stopped by the user') return { reason: 'user', detail: saved };
    if (saved.startsWith('diverged')) return { reason: 'diverged', detail: saved };
    if (saved.startsWith('unfinished')) return { reason: 'unfinished', detail: saved };
    return null;
  }
  if (typeof saved !== 'object' || saved === null) return null;
  const { reason, detail } = saved as Record<string, unknown>;
  if (!(STOP_REASONS as readonly unknown[]).includes(reason) || typeof detail !== 'string') return null;
  return { reason: reason as StopReason, detail };
}

/** A saved run with `stoppedEarly` in today's form (an unreadable one is dropped). */
export function upgradeSavedRun(run: RunResult): RunResult {
  if (run.stoppedEarly === undefined) return run;
  const { stoppedEarly, ...rest } = run;
  const read = readEarlyStop(stoppedEarly);
  return read ? { ...rest, stoppedEarly: read } : rest;
}

/** A saved or imported result with its runs' stop reasons in today's form. */
export function upgradeSavedResult(result: ExperimentResult): ExperimentResult {
  return { ...result, runs: result.runs.map(upgradeSavedRun) };
}

/** A saved checkpoint with its finished runs' stop reasons in today's form. */
export function upgradeSavedCheckpoint(checkpoint: ExperimentCheckpoint): ExperimentCheckpoint {
  return { ...checkpoint, finishedRuns: checkpoint.finishedRuns.map(upgradeSavedRun) };
}
