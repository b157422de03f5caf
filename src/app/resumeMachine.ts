import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import type { StartOptions } from '../worker/engine';

/** How to start an experiment again from one of its checkpoints. */
export type ResumeRequest = StartOptions & { resume: ExperimentCheckpoint };

/**
 * Interruptions (worker crash, lost device) of one experiment that are resumed automatically; the
 * next one stops there and the notice offers Resume instead, so a run that keeps crashing does not
 * loop forever.
 */
export const MAX_AUTO_RESUMES = 2;

export interface ResumeState {
  /** Interruptions of the current experiment since it was started or resumed by hand. */
  interruptions: number;
  /** Resume as soon as the restarted worker has a backend. */
  pending: ResumeRequest | null;
  /** Offered to the user (the Resume button of the notice) once automatic resuming stopped. */
  offer: ResumeRequest | null;
  notice: string | null;
}

export type ResumeAction =
  /** A new experiment (Run): nothing to resume, the count starts again. */
  | { type: 'started' }
  /** The engine lost the experiment; `checkpoint` is its latest, if any was taken. */
  | { type: 'interrupted'; checkpoint: ExperimentCheckpoint | null; options: StartOptions }
  /** Starting again from a checkpoint: automatically (pending, once ready) or by the user's Resume. */
  | { type: 'resuming'; request: ResumeRequest; byUser: boolean }
  /** The user asked to resume a saved run whose checkpoint is gone. */
  | { type: 'no-checkpoint' };

export const INITIAL_RESUME_STATE: ResumeState = { interruptions: 0, pending: null, offer: null, notice: null };

/** "learnability@ViT-Mu/8 at step 120" or "after uniform" (between runs). */
export function resumePoint(c: ExperimentCheckpoint): string {
  return c.current ? `${c.current.runId} at step ${c.current.step}` : `after ${c.finishedRuns.at(-1)?.id ?? 'the start'}`;
}

/** Pure: what happens after a crash, a resume or a new run. */
export function resumeReducer(state: ResumeState, action: ResumeAction): ResumeState {
  switch (action.type) {
    case 'started':
      return INITIAL_RESUME_STATE;
    case 'interrupted': {
      const interruptions = state.interruptions + 1;
      if (!action.checkpoint) {
        return {
          interruptions,
          pending: null,
          offer: null,
          notice: 'No checkpoint was taken yet, so this experiment cannot be resumed: press Run to start again.',
        };
      }
      const request: ResumeRequest = { ...action.options, resume: action.checkpoint };
      if (interruptions > MAX_AUTO_RESUMES) {
        const notice =
          `Interrupted ${interruptions} times, so the lab stopped resuming by itself. ` +
          `Its checkpoint is kept: Resume continues ${resumePoint(action.checkpoint)}.`;
        return { interruptions, pending: null, offer: request, notice };
      }
      const attempt = `attempt ${interruptions} of ${MAX_AUTO_RESUMES}`;
      const notice = `Resuming ${resumePoint(action.checkpoint)} once the worker is ready (${attempt})…`;
      return { interruptions, pending: request, offer: null, notice };
    }
    case 'resuming': {
      const interruptions = action.byUser ? 0 : state.interruptions;
      const attempt = interruptions > 0 ? ` (attempt ${interruptions} of ${MAX_AUTO_RESUMES})` : '';
      return {
        interruptions,
        pending: null,
        offer: null,
        notice: `Resumed ${resumePoint(action.request.resume)} from its checkpoint${attempt}.`,
      };
    }
    case 'no-checkpoint':
      return { ...state, notice: 'That run has no checkpoint any more; open it to see its curves.' };
  }
}
