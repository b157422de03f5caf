import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/config/experimentConfig';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import { INITIAL_RESUME_STATE, MAX_AUTO_RESUMES, resumeReducer, type ResumeAction, type ResumeState } from './resumeMachine';

const checkpoint = (step: number): ExperimentCheckpoint => ({
  version: 1,
  config: DEFAULT_CONFIG,
  scorers: ['ViT-Mu/8'],
  backend: 'wasm',
  finishedRuns: [],
  current: { runId: 'learnability@ViT-Mu/8', step } as ExperimentCheckpoint['current'],
  references: [],
});
const run = (actions: ResumeAction[], from: ResumeState = INITIAL_RESUME_STATE) => actions.reduce(resumeReducer, from);
/** One crash and the automatic resume that follows once the worker is ready. */
const crashAndResume = (state: ResumeState, step: number): ResumeState => {
  const interrupted = resumeReducer(state, { type: 'interrupted', checkpoint: checkpoint(step), options: { scorers: ['ViT-Mu/8'] } });
  return interrupted.pending ? resumeReducer(interrupted, { type: 'resuming', request: interrupted.pending, byUser: false }) : interrupted;
};

describe('crash / auto-resume state machine', () => {
  it('resumes automatically, counting attempts, and says so', () => {
    const interrupted = run([{ type: 'interrupted', checkpoint: checkpoint(40), options: { scorers: ['ViT-Mu/8'] } }]);
    expect(interrupted.pending).toEqual({ scorers: ['ViT-Mu/8'], resume: checkpoint(40) });
    expect(interrupted.notice).toBe(
      `Resuming learnability@ViT-Mu/8 at step 40 once the worker is ready (attempt 1 of ${MAX_AUTO_RESUMES})…`,
    );
    const resumed = resumeReducer(interrupted, { type: 'resuming', request: interrupted.pending!, byUser: false });
    expect(resumed.pending).toBeNull();
    expect(resumed.notice).toBe(`Resumed learnability@ViT-Mu/8 at step 40 from its checkpoint (attempt 1 of ${MAX_AUTO_RESUMES}).`);
  });

  it('after the third interruption it stops resuming by itself and offers Resume from the latest checkpoint', () => {
    let state = INITIAL_RESUME_STATE;
    for (let i = 1; i <= MAX_AUTO_RESUMES; i++) {
      state = crashAndResume(state, 40 * i);
      expect(state.offer).toBeNull();
    }
    state = resumeReducer(state, { type: 'interrupted', checkpoint: checkpoint(120), options: {} });
    expect(state.interruptions).toBe(3);
    expect(state.pending).toBeNull();
    expect(state.offer?.resume).toEqual(checkpoint(120));
    expect(state.notice).toBe(
      'Interrupted 3 times, so the lab stopped resuming by itself. Its checkpoint is kept: Resume continues learnability@ViT-Mu/8 at step 120.',
    );
    // The user's Resume works from that offer and gives a fresh allowance.
    const resumed = resumeReducer(state, { type: 'resuming', request: state.offer!, byUser: true });
    expect(resumed).toEqual({
      interruptions: 0,
      pending: null,
      offer: null,
      notice: 'Resumed learnability@ViT-Mu/8 at step 120 from its checkpoint.',
    });
    expect(crashAndResume(resumed, 160).notice).toBe(
      `Resumed learnability@ViT-Mu/8 at step 160 from its checkpoint (attempt 1 of ${MAX_AUTO_RESUMES}).`,
    );
  });

  it('without a checkpoint there is nothing to resume; a new Run clears everything', () => {
    const state = run([{ type: 'interrupted', checkpoint: null, options: {} }]);
    expect(state.pending).toBeNull();
    expect(state.offer).toBeNull();
    expect(state.notice).toBe('No checkpoint was taken yet, so this experiment cannot be resumed: press Run to start again.');
    expect(resumeReducer(crashAndResume(state, 40), { type: 'started' })).toBe(INITIAL_RESUME_STATE);
    expect(run([{ type: 'no-checkpoint' }]).notice).toBe('That run has no checkpoint any more; open it to see its curves.');
  });

  it('between runs the notice names the run it continues after', () => {
    const between: ExperimentCheckpoint = {
      ...checkpoint(0),
      current: null,
      finishedRuns: [{ id: 'uniform' } as ExperimentCheckpoint['finishedRuns'][number]],
    };
    expect(run([{ type: 'interrupted', checkpoint: between, options: {} }]).notice).toMatch(
      /^Resuming after uniform once the worker is ready/,
    );
  });
});
