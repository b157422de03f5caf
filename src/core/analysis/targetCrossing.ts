import type { CurvePoint } from '../experiment/resultTypes';

/** Evaluations averaged for a* and for the smoothed curve. */
export const SMOOTHING_WINDOW = 3;

/** a*: the IID run's final test accuracy, smoothed as the mean of its last k evaluations. */
export function targetAccuracy(curve: readonly CurvePoint[], k = SMOOTHING_WINDOW): number {
  if (curve.length === 0) throw new Error('targetAccuracy: empty curve');
  const tail = curve.slice(-k);
  return tail.reduce((s, p) => s + p.testAccuracy, 0) / tail.length;
}

/** Trailing mean of the last k evaluations at each point (shorter window at the start). */
export function smoothedAccuracy(curve: readonly CurvePoint[], k = SMOOTHING_WINDOW): number[] {
  return curve.map((_, i) => {
    const window = curve.slice(Math.max(0, i - k + 1), i + 1);
    return window.reduce((s, p) => s + p.testAccuracy, 0) / window.length;
  });
}

export type CurveAxis = 'step' | 'flops' | 'wallMs';

/**
 * Where the smoothed curve first reaches `target`, on the given axis, linearly interpolated between
 * the two evaluations around the crossing; null when it never does ("not reached", never 0).
 */
export function crossingPoint(curve: readonly CurvePoint[], target: number, axis: CurveAxis, k = SMOOTHING_WINDOW): number | null {
  const smooth = smoothedAccuracy(curve, k);
  // A tiny tolerance so a* computed from the same points counts as reached despite rounding.
  const goal = target - 1e-12;
  for (let i = 0; i < curve.length; i++) {
    const s = smooth[i] as number;
    if (s < goal) continue;
    const here = (curve[i] as CurvePoint)[axis];
    if (i === 0) return here;
    const prevS = smooth[i - 1] as number;
    const prevX = (curve[i - 1] as CurvePoint)[axis];
    const fraction = s === prevS ? 1 : (goal - prevS) / (s - prevS);
    return prevX + Math.min(1, Math.max(0, fraction)) * (here - prevX);
  }
  return null;
}
