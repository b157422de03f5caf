import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import type { StartOptions } from '../worker/engine';
import { INITIAL_RESUME_STATE, resumeReducer, type ResumeRequest } from './resumeMachine';

/**
 * The crash / auto-resume state machine (resumeMachine.ts) wired to the engine: an interruption with
 * a checkpoint resumes once the restarted worker is `ready`, up to MAX_AUTO_RESUMES times; then the
 * notice offers Resume. `start` runs a resume request (the experiment hook's start).
 */
export function useResumeMachine(ready: boolean, start: (request: ResumeRequest) => void) {
  const [state, dispatch] = useReducer(resumeReducer, INITIAL_RESUME_STATE);
  const startRef = useRef(start);
  startRef.current = start;

  useEffect(() => {
    if (!state.pending || !ready) return;
    const request = state.pending;
    dispatch({ type: 'resuming', request, byUser: false });
    startRef.current(request);
  }, [state.pending, ready]);

  return {
    notice: state.notice,
    /** Offered by the notice once automatic resuming stopped. */
    offer: state.offer,
    started: useCallback(() => dispatch({ type: 'started' }), []),
    interrupted: useCallback(
      (checkpoint: ExperimentCheckpoint | null, options: StartOptions) => dispatch({ type: 'interrupted', checkpoint, options }),
      [],
    ),
    /** The user's Resume (from the notice or a saved run): a fresh allowance of automatic resumes. */
    resumeNow: useCallback((request: ResumeRequest) => {
      dispatch({ type: 'resuming', request, byUser: true });
      startRef.current(request);
    }, []),
    noCheckpoint: useCallback(() => dispatch({ type: 'no-checkpoint' }), []),
  };
}
