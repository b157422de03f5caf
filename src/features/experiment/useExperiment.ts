import { startTransition, useCallback, useEffect, useReducer, useRef } from 'react';
import { compareRuns } from '../../core/analysis/savings';
import type { ExperimentEvent } from '../../core/experiment/events';
import type { ExperimentConfig } from '../../core/config/experimentConfig';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import type { Engine } from '../../worker/engine';
import { INITIAL_EXPERIMENT_STATE, experimentReducer, resultSoFar } from './liveState';

const STEP_FLUSH_MS = 500;

const PROGRESS_SAVE_MS = 2000;

/**
 * Drives an experiment on the engine and folds its events into UI state. `onProgress` receives the
 * result so far (at most every 2 s while curves grow) so an interrupted experiment is never lost.
 */
export function useExperiment(engine: Engine | null, onFinished?: (result: ExperimentResult) => void, onProgress?: (soFar: ExperimentResult) => void) {
  const [state, dispatch] = useReducer(experimentReducer, INITIAL_EXPERIMENT_STATE);
  const latest = useRef(state);
  latest.current = state;

  const points = state.runs.reduce((n, r) => n + r.points.length + (r.finished ? 1 : 0), 0);
  const lastSaved = useRef(0);
  useEffect(() => {
    if (state.status !== 'running' || !onProgress || points === 0) return;
    const wait = Math.max(0, lastSaved.current + PROGRESS_SAVE_MS - Date.now());
    const timer = setTimeout(() => {
      const soFar = resultSoFar(latest.current);
      if (!soFar || latest.current.status !== 'running') return;
      lastSaved.current = Date.now();
      onProgress(soFar);
    }, wait);
    return () => clearTimeout(timer);
  }, [points, state.status, onProgress]);

  // Step events arrive up to hundreds per second: keep only the latest per run and flush a few
  // times a second, so the main thread never renders charts per step (no long tasks).
  useEffect(() => {
    if (!engine) return;
    const pendingSteps = new Map<string, ExperimentEvent>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Other events queue behind them, in order, and everything renders as a transition: React
    // slices the chart work so input stays responsive.
    const queue: ExperimentEvent[] = [];
    const flush = () => {
      timer = null;
      const events = queue.splice(0);
      for (const event of pendingSteps.values()) events.push(event);
      pendingSteps.clear();
      startTransition(() => {
        for (const event of events) dispatch({ type: 'event', event });
      });
    };
    const unsubscribe = engine.subscribe((event) => {
      if (event.type === 'step') pendingSteps.set(event.runId, event);
      else {
        // A step reported before this event belongs before it.
        for (const step of pendingSteps.values()) queue.push(step);
        pendingSteps.clear();
        queue.push(event);
      }
      timer ??= setTimeout(flush, STEP_FLUSH_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
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
        const message = error instanceof Error ? error.message : String(error);
        dispatch({ type: 'failed', error: message });
        // The worker is gone (crash, lost device): keep every run that had finished.
        const finished = latest.current.runs.flatMap((r) => (r.finished ? [r.finished] : []));
        if (finished.length > 0) onFinished?.({ config, backend: '', runs: finished, comparisons: compareRuns(finished), failure: { runId: latest.current.runs.at(-1)?.id ?? '', message } });
      }
    },
    [engine, onFinished],
  );

  const stop = useCallback(() => engine?.stop(), [engine]);
  const load = useCallback((result: ExperimentResult) => dispatch({ type: 'loaded', result }), []);

  return { state, start, stop, load };
}
