import { useCallback, useEffect, useReducer } from 'react';
import type { ExperimentConfig } from '../../core/config/experimentConfig';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import type { Engine } from '../../worker/engine';
import { INITIAL_EXPERIMENT_STATE, experimentReducer } from './liveState';

/** Drives an experiment on the engine and folds its events into UI state. */
export function useExperiment(engine: Engine | null, onFinished?: (result: ExperimentResult) => void) {
  const [state, dispatch] = useReducer(experimentReducer, INITIAL_EXPERIMENT_STATE);

  useEffect(() => {
    if (!engine) return;
    return engine.subscribe((event) => dispatch({ type: 'event', event }));
  }, [engine]);

  const start = useCallback(
    async (config: ExperimentConfig, scorers?: string[]) => {
      if (!engine) return;
      dispatch({ type: 'started', config });
      try {
        const result = await engine.start(config, scorers);
        dispatch({ type: 'finished', result });
        onFinished?.(result);
      } catch (error) {
        dispatch({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },
    [engine, onFinished],
  );

  const stop = useCallback(() => engine?.stop(), [engine]);
  const load = useCallback((result: ExperimentResult) => dispatch({ type: 'loaded', result }), []);

  return { state, start, stop, load };
}
