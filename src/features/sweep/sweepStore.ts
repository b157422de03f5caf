import type { RunResult } from '../../core/experiment/resultTypes';
import type { SweepCellResult } from '../../core/sweep/runSweep';
import type { SweepPlan } from '../../core/sweep/sweepGrid';

/** A sweep's finished cells and the IID runs they used, kept in localStorage so a stopped sweep resumes. */
export interface StoredSweep {
  planKey: string;
  cells: SweepCellResult[];
  baselines: Record<string, RunResult>;
}

/** Two plans resume each other only when their cells are the very same configs. */
export function planKey(plan: SweepPlan): string {
  return JSON.stringify(plan.cells.map((c) => c.config));
}

export function loadSweep(storageKey: string, plan: SweepPlan): StoredSweep | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as StoredSweep | null;
    return stored && stored.planKey === planKey(plan) ? stored : null;
  } catch {
    return null;
  }
}

/** Returns an error message when the browser refused to store it (full or disabled storage), else null. */
export function saveSweep(storageKey: string, sweep: StoredSweep): string | null {
  try {
    localStorage.setItem(storageKey, JSON.stringify(sweep));
    return null;
  } catch (error) {
    return `The sweep could not be saved (${error instanceof Error ? error.message : String(error)}); it will not resume after a reload.`;
  }
}
