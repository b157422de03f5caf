import { startTransition, useCallback, useEffect, useReducer, useRef } from 'react';
import type { ExperimentCheckpoint } from '../../core/experiment/checkpoint';
import type { ExperimentEvent } from '../../core/experiment/events';
import type { ExperimentConfig } from '../../core/config/experimentConfig';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import type { Engine, StartOptions } from '../../worker/engine';
import { failureOutcome } from './failureOutcome';
import { INITIAL_EXPERIMENT_STATE, experimentReducer, resultSoFar } from './liveState';

const STEP_FLUSH_MS = 500;

const PROGRESS_SAVE_MS = 2000;

export interface ExperimentCallbacks {
  onFinished?: (result: ExperimentResult) => void;
  /** The result so far, at most every 2 s while curves grow, so an interrupted experiment is never lost. */
  onProgress?: (soFar: ExperimentResult) => void;
  /** Each checkpoint the engine takes (every 10% of a run and between runs). */
  onCheckpoint?: (checkpoint: ExperimentCheckpoint) => void;
  /** The engine lost the experiment (worker crash, lost device — not a refused request); `checkpoint` is the latest one, if any. */
  onInterrupted?: (message: string, checkpoint: ExperimentCheckpoint | null, options: StartOptions) => void;
}

/** Drives an experiment on the engine and folds its events into UI state. */
export function useExperiment(engine: Engine | null, { onFinished, onProgress, onCheckpoint, onInterrupted }: ExperimentCallbacks = {}) {
  const [state, dispatch] = useReducer(experimentReducer, INITIAL_EXPERIMENT_STATE);
  const latest = useRef(state);
  latest.current = state;
  const latestCheckpoint = useRef<ExperimentCheckpoint | null>(null);
  const checkpointCallback = useRef(onCheckpoint);
  checkpointCallback.current = onCheckpoint;

  useEffect(() => {
    if (!engine) return;
    return engine.onCheckpoint((checkpoint) => {
      latestCheckpoint.current = checkpoint;
      checkpointCallback.current?.(checkpoint);
    });
  }, [engine]);

  const points = state.runs.reduce((n, r) => n + r.points.length + (r.finished ? 1 : 0), 0);
  const lastSaved = useRef(0);
  /**
   * Set the moment the engine answers (before React renders the end state): a progress save that
   * fires in between would overwrite the finished record with an unfinished one.
   */
  const ended = useRef(true);
  useEffect(() => {
    if (state.status !== 'running' || !onProgress || points === 0) return;
    const wait = Math.max(0, lastSaved.current + PROGRESS_SAVE_MS - Date.now());
    const timer = setTimeout(() => {
      const soFar = resultSoFar(latest.current);
      if (!soFar || ended.current || latest.current.status !== 'running') return;
      lastSaved.current = Date.now();
      onProgress(soFar);
    }, wait);
    return () => clearTimeout(timer);
  }, [points, state.status, onProgress]);

  // Step events arrive up to hundreds per second: keep only the latest per run and flush a few
  // times a second, so the main thread never renders charts per step (no long tasks).
  const flushEvents = useRef<() => ExperimentEvent[]>(() => []);
  useEffect(() => {
    if (!engine) return;
    const pendingSteps = new Map<string, ExperimentEvent>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Other events queue behind them, in order, and everything renders as a transition: React
    // slices the chart work so input stays responsive.
    const queue: ExperimentEvent[] = [];
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const events = queue.splice(0);
      for (const event of pendingSteps.values()) events.push(event);
      pendingSteps.clear();
      startTransition(() => {
        for (const event of events) dispatch({ type: 'event', event });
      });
      return events;
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
    flushEvents.current = flush;
    return () => {
      flushEvents.current = () => [];
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [engine]);

  const start = useCallback(
    async (config: ExperimentConfig, options: StartOptions = {}) => {
      if (!engine) return;
      latestCheckpoint.current = options.resume ?? null;
      ended.current = false;
      const backend = engine.backend;
      dispatch(options.resume ? { type: 'resumed', checkpoint: options.resume, backend } : { type: 'started', config, backend });
      try {
        const result = await engine.start(config, options);
        ended.current = true;
        // Events still queued (the last selection sample) are handed over now; the reducer keeps a
        // late selection sample after the end state (the result itself is authoritative for curves).
        flushEvents.current();
        dispatch({ type: 'finished', result });
        onFinished?.(result);
      } catch (error) {
        ended.current = true;
        // The experiment did not finish: it is never reported as finished, so its checkpoint stays and
        // its record keeps every curve so far (finished runs and the partial one), marked unfinished.
        const outcome = failureOutcome(latest.current, flushEvents.current(), error);
        dispatch({ type: 'failed', error: outcome.message });
        if (outcome.soFar) onProgress?.(outcome.soFar);
        if (outcome.resumable) onInterrupted?.(outcome.message, latestCheckpoint.current, options);
      }
    },
    [engine, onFinished, onProgress, onInterrupted],
  );

  const stop = useCallback(() => {
    dispatch({ type: 'stop-requested' });
    engine?.stop();
  }, [engine]);
  const load = useCallback((result: ExperimentResult) => dispatch({ type: 'loaded', result }), []);

  return { state, start, stop, load };
}
