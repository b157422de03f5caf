import { useCallback, useRef, useState } from 'react';
import type { ExperimentConfig } from '../../core/config/experimentConfig';
import type { RunResult } from '../../core/experiment/resultTypes';
import { cellResult, sharedRunsCheckpoint, type SweepCellResult } from '../../core/sweep/runSweep';
import { planSweep, type SweepPlan } from '../../core/sweep/sweepGrid';
import { parseSweepSpecs } from '../../core/sweep/sweepSpec';
import type { Engine } from '../../worker/engine';
import { loadSweep, planKey, saveSweep } from './sweepStore';

export type SweepStatus = 'idle' | 'running' | 'stopped' | 'done' | 'error';

export interface SweepState {
  status: SweepStatus;
  plan: SweepPlan | null;
  cells: SweepCellResult[];
  /** The cell training now. */
  current: string | null;
  message: string | null;
}

const IDLE: SweepState = { status: 'idle', plan: null, cells: [], current: null, message: null };

/**
 * Runs a sweep cell by cell through the engine (one start-experiment per cell, the protocol as it
 * is): each cell after the first of its baseline starts from a checkpoint holding the shared IID run,
 * as the CLI's runSweep does. Finished cells are stored as they finish; starting the same grid again
 * skips them.
 */
export function useSweep(engine: Engine | null, storageKey: string) {
  const [state, setState] = useState<SweepState>(IDLE);
  const stopRequested = useRef(false);

  const start = useCallback(
    async (base: ExperimentConfig, specs: string[]) => {
      const axes = parseSweepSpecs(specs);
      const planned = axes.ok ? planSweep(base, axes.value) : axes;
      if (!planned.ok) return setState({ ...IDLE, status: 'error', message: planned.message });
      if (!engine) return;
      const plan = planned.value;
      const stored = loadSweep(storageKey, plan);
      const done = new Map((stored?.cells ?? []).map((c) => [c.id, c]));
      const baselines: Record<string, RunResult> = { ...(stored?.baselines ?? {}) };
      const cellsInOrder = () => plan.cells.flatMap((c) => done.get(c.id) ?? []);
      stopRequested.current = false;
      setState({ status: 'running', plan, cells: cellsInOrder(), current: null, message: null });
      let message: string | null = null;
      for (const cell of plan.cells) {
        if (done.has(cell.id)) continue;
        if (stopRequested.current) break;
        setState((s) => ({ ...s, current: cell.id }));
        const iid = baselines[cell.baselineId];
        try {
          const result = await engine.start(
            cell.config,
            iid ? { resume: sharedRunsCheckpoint(cell, engine.backend ?? 'unknown', iid) } : {},
          );
          const baseline = result.runs.find((r) => r.policy === 'uniform');
          const active = result.runs.find((r) => r.policy === plan.policy);
          if (!result.failure && (!baseline || !active || baseline.stoppedEarly || active.stoppedEarly)) break; // stopped mid-cell
          if (baseline && !baseline.stoppedEarly) baselines[cell.baselineId] = baseline;
          done.set(cell.id, cellResult(cell, result, plan.policy));
          message = saveSweep(storageKey, { planKey: planKey(plan), cells: cellsInOrder(), baselines });
          setState((s) => ({ ...s, cells: cellsInOrder(), message }));
        } catch (error) {
          return setState((s) => ({
            ...s,
            status: 'error',
            current: null,
            message: error instanceof Error ? error.message : String(error),
          }));
        }
      }
      const finished = done.size === plan.cells.length;
      setState((s) => ({ ...s, status: finished ? 'done' : 'stopped', current: null, message }));
    },
    [engine, storageKey],
  );

  const stop = useCallback(() => {
    stopRequested.current = true;
    engine?.stop();
  }, [engine]);

  return { state, start, stop };
}
