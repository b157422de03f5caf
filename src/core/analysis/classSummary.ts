import type { CurvePoint } from '../experiment/resultTypes';

/** A run's per-class figures at a glance (issue 16): its weakest class at the end, and how much it picked the hard classes. */
export interface ClassSummary {
  /** Lowest per-class test accuracy at the last evaluation, and that class (null: no per-class data). */
  worstClassAccuracy: number | null;
  worstClass: number | null;
  /**
   * Share of all picks over the run whose TRUE class is one of the hard classes, each evaluation
   * interval weighted by its steps (null: no per-class data or no hard classes).
   */
  hardPickShare: number | null;
}

/** Share of the picks in `point`'s interval that fall in `classes`, by true class (training label where the true class is absent). */
export function pickShareOf(point: CurvePoint, classes: readonly number[]): number | null {
  const shares = point.trueClassPickShare ?? point.classPickShare;
  if (!shares) return null;
  let sum = 0;
  for (const c of classes) sum += shares[c] ?? 0;
  return sum;
}

export function classSummary(run: { curve: readonly CurvePoint[] }, hardClasses: readonly number[] = []): ClassSummary {
  const last = run.curve.findLast((p) => p.classAccuracy !== undefined);
  let worstClass: number | null = null;
  last?.classAccuracy?.forEach((a, c) => {
    if (a !== null && (worstClass === null || a < (last.classAccuracy?.[worstClass] as number))) worstClass = c;
  });
  let weighted = 0;
  let steps = 0;
  if (hardClasses.length > 0) {
    run.curve.forEach((p, i) => {
      const share = pickShareOf(p, hardClasses);
      const interval = p.step - (run.curve[i - 1]?.step ?? 0);
      if (share === null || interval <= 0) return;
      weighted += share * interval;
      steps += interval;
    });
  }
  return {
    worstClassAccuracy: last?.worstClassAccuracy ?? null,
    worstClass,
    hardPickShare: steps > 0 ? weighted / steps : null,
  };
}
