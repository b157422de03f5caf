import { classSummary } from '../../core/analysis/classSummary';
import type { CurvePoint } from '../../core/experiment/resultTypes';

/** The dataset's classes as the per-class panel names them. */
export interface ClassLabels {
  names: string[];
  hard: number[];
}

/** One run's column pair in the per-class panel. */
export interface ClassColumn {
  runId: string;
  /** Step of the latest evaluation with per-class accuracy. */
  step: number;
  /** Each class's share of the picks so far (true class, whole run so far); null before the first pick. */
  pickShare: number[] | null;
  /** Per-class test accuracy at the latest evaluation (null: the class has no test example). */
  accuracy: (number | null)[];
  worstAccuracy: number | null;
  /** The hard classes' share of the picks so far (null: no hard classes or no picks yet). */
  hardPickShare: number | null;
}

export interface ClassPanelView {
  classes: { index: number; name: string; hard: boolean }[];
  columns: ClassColumn[];
}

/** Picks per class so far: each interval's shares weighted by its steps (true class where kept). */
export function cumulativePickShare(curve: readonly CurvePoint[], numClasses: number): number[] | null {
  const sums = new Array<number>(numClasses).fill(0);
  let steps = 0;
  curve.forEach((p, i) => {
    const shares = p.trueClassPickShare ?? p.classPickShare;
    const interval = p.step - (curve[i - 1]?.step ?? 0);
    if (!shares || interval <= 0) return;
    for (let c = 0; c < numClasses; c++) sums[c] = (sums[c] as number) + (shares[c] ?? 0) * interval;
    steps += interval;
  });
  return steps === 0 ? null : sums.map((s) => s / steps);
}

/**
 * What the per-class panel shows: one row per class, a pick-share and an accuracy column per run
 * with per-class data. Runs without any evaluation carrying per-class accuracy are left out.
 */
export function classPanelView(runs: readonly { id: string; points: readonly CurvePoint[] }[], labels: ClassLabels | null): ClassPanelView {
  const columns: ClassColumn[] = [];
  let numClasses = labels?.names.length ?? 0;
  for (const run of runs) {
    const last = run.points.findLast((p) => p.classAccuracy !== undefined);
    if (!last?.classAccuracy) continue;
    numClasses = Math.max(numClasses, last.classAccuracy.length);
    const summary = classSummary({ curve: run.points }, labels?.hard ?? []);
    columns.push({
      runId: run.id,
      step: last.step,
      pickShare: null,
      accuracy: last.classAccuracy,
      worstAccuracy: summary.worstClassAccuracy,
      hardPickShare: summary.hardPickShare,
    });
  }
  for (const column of columns) {
    const run = runs.find((r) => r.id === column.runId);
    if (run) column.pickShare = cumulativePickShare(run.points, numClasses);
  }
  const hard = new Set(labels?.hard ?? []);
  const classes = Array.from({ length: numClasses }, (_, index) => ({
    index,
    name: labels?.names[index] ?? `class ${index}`,
    hard: hard.has(index),
  }));
  return { classes, columns };
}

/** Percent with one decimal, or an en dash for a missing figure. */
export function percentText(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`;
}

/**
 * Background of a heatmap cell: white at 0, full colour at `scale` (a pick share of 2/K is already
 * strong; an accuracy of 1 is full). Text stays dark: the lightest full colour keeps 4.5:1 contrast.
 */
export function heatColor(value: number | null | undefined, scale: number, hue: 'picks' | 'accuracy'): string {
  if (value === null || value === undefined) return 'transparent';
  const t = Math.max(0, Math.min(1, value / scale));
  const [r, g, b] = hue === 'picks' ? [86, 180, 233] : [0, 158, 115];
  const mix = (c: number) => Math.round(255 + (c - 255) * t * 0.6);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}
