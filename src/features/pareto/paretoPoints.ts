import { paretoFrontier } from '../../core/analysis/pareto';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { runLabel } from '../experiment/policyStyles';

/** One finished active run with a scorer model, placed by scorer cost against its savings. */
export interface ParetoRunPoint {
  id: string;
  label: string;
  /** Scorer ÷ learner forward FLOPs per example. */
  scorerFlopRatio: number;
  learnerSaving: number | null;
  computeSaving: number | null;
  /** o = extra (non-learner) FLOPs per step ÷ learner FLOPs per step. */
  overheadRatio: number;
}

/** One point per comparison that ran a scorer model, across all results; id `${resultIndex}:${policy}@${scorer}`. */
export function pointsFromResults(results: readonly ExperimentResult[]): ParetoRunPoint[] {
  return results.flatMap((result, resultIndex) =>
    result.comparisons.flatMap((c) => {
      if (c.scorerFlopRatio === null) return [];
      const label = runLabel(c.policy, c.scorer);
      return [
        {
          id: `${resultIndex}:${c.policy}@${c.scorer ?? ''}`,
          label: results.length > 1 ? `${label} (experiment ${resultIndex + 1})` : label,
          scorerFlopRatio: c.scorerFlopRatio,
          learnerSaving: c.learnerSaving,
          computeSaving: c.computeSaving,
          overheadRatio: c.overheadRatio,
        },
      ];
    }),
  );
}

/**
 * The least learner saving s that is compute-positive with overhead o: (1 − s)(1 + o) < 1 iff
 * s > 1 − 1/(1 + o).
 */
export function breakEvenSaving(overheadRatio: number): number {
  return 1 - 1 / (1 + overheadRatio);
}

/**
 * Learnability's per-step overhead o for scorer ÷ learner FLOP ratio r and filter ratio ρ = B/b:
 * online + reference forwards on B = ρb examples (2F_S·ρb) plus online training on b (3F_S·b),
 * over the learner's 3F_L·b: o = r(2ρ + 3)/3.
 */
export function learnabilityOverhead(scorerFlopRatio: number, filterRatio: number): number {
  return (scorerFlopRatio * (2 * filterRatio + 3)) / 3;
}

/** Points not dominated in (lower scorer cost, higher compute saving); runs that never reached a* are skipped. Sorted by cost. */
export function computeFrontier(points: readonly ParetoRunPoint[]): ParetoRunPoint[] {
  const candidates = points.flatMap((p) => (p.computeSaving === null ? [] : [{ ...p, cost: p.scorerFlopRatio, gain: p.computeSaving }]));
  const frontierIds = new Set(paretoFrontier(candidates).map((p) => p.id));
  return points
    .filter((p) => frontierIds.has(p.id))
    .sort((a, b) => a.scorerFlopRatio - b.scorerFlopRatio || (b.computeSaving ?? 0) - (a.computeSaving ?? 0));
}

/** 10^e without float noise for negative e (10 ** -4 is 0.00009999…, 1 / 10 ** 4 is 0.0001). */
function pow10(e: number): number {
  return e < 0 ? 1 / 10 ** -e : 10 ** e;
}

/** Powers of ten spanning [min, max] (and at least [lowest, highest]): the log-scale x range. */
export function logRange(values: readonly number[], lowest = 0.001, highest = 1): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(lowest, ...positive);
  const hi = Math.max(highest, ...positive);
  return [pow10(Math.floor(Math.log10(lo))), pow10(Math.ceil(Math.log10(hi)))];
}

/** One tick per power of ten from xMin to xMax (both powers of ten). */
export function logTicks(xMin: number, xMax: number): number[] {
  const a = Math.round(Math.log10(xMin));
  const b = Math.round(Math.log10(xMax));
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => pow10(a + i));
}

/** The break-even learner saving at `samples` log-spaced scorer ratios in [xMin, xMax]. */
export function breakEvenCurve(xMin: number, xMax: number, filterRatio: number, samples = 40): { x: number; saving: number }[] {
  const a = Math.log10(xMin);
  const b = Math.log10(xMax);
  return Array.from({ length: samples }, (_, i) => {
    const x = 10 ** (a + ((b - a) * i) / Math.max(1, samples - 1));
    return { x, saving: breakEvenSaving(learnabilityOverhead(x, filterRatio)) };
  });
}
