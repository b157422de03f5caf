import { describe, expect, it } from 'vitest';
import { isComputePositive } from '../../core/analysis/savings';
import { DEFAULT_CONFIG } from '../../core/config/experimentConfig';
import type { Comparison, ExperimentResult } from '../../core/experiment/resultTypes';
import {
  breakEvenCurve,
  breakEvenSaving,
  computeFrontier,
  learnabilityOverhead,
  logRange,
  logTicks,
  pointsFromResults,
  type ParetoRunPoint,
} from './paretoPoints';

const comparison = (over: Partial<Comparison>): Comparison => ({
  policy: 'learnability',
  scorer: 'ViT-Mi/8',
  targetAccuracy: 0.8,
  stepsToTarget: 300,
  iidStepsToTarget: 400,
  learnerSaving: 0.25,
  computeSaving: 0.1,
  wallSaving: 0.05,
  computePositive: true,
  computeSavingWithPretraining: 0.02,
  overheadRatio: 0.2,
  scorerFlopRatio: 0.05,
  ...over,
});

const result = (comparisons: Comparison[]): ExperimentResult => ({ config: { ...DEFAULT_CONFIG }, backend: 'cpu', runs: [], comparisons });

const point = (id: string, scorerFlopRatio: number, computeSaving: number | null): ParetoRunPoint => ({
  id,
  label: id,
  scorerFlopRatio,
  learnerSaving: 0.3,
  computeSaving,
  overheadRatio: 0.1,
});

describe('pointsFromResults', () => {
  it('makes one point per comparison with a scorer, across results, with indexed ids', () => {
    const points = pointsFromResults([
      result([comparison({}), comparison({ policy: 'hard', scorer: null, scorerFlopRatio: null })]),
      result([comparison({ scorer: 'ViT-Ti/4', scorerFlopRatio: 0.4, learnerSaving: null, computeSaving: null, overheadRatio: 0.9 })]),
    ]);
    expect(points).toEqual([
      {
        id: '0:learnability@ViT-Mi/8',
        label: 'learnability@ViT-Mi/8 (experiment 1)',
        scorerFlopRatio: 0.05,
        learnerSaving: 0.25,
        computeSaving: 0.1,
        overheadRatio: 0.2,
      },
      {
        id: '1:learnability@ViT-Ti/4',
        label: 'learnability@ViT-Ti/4 (experiment 2)',
        scorerFlopRatio: 0.4,
        learnerSaving: null,
        computeSaving: null,
        overheadRatio: 0.9,
      },
    ]);
  });

  it('labels points by run alone when there is one result, and is empty without results', () => {
    expect(pointsFromResults([result([comparison({})])])[0]?.label).toBe('learnability@ViT-Mi/8');
    expect(pointsFromResults([])).toEqual([]);
  });
});

describe('break-even', () => {
  it('needs s > 1 − 1/(1 + o)', () => {
    expect(breakEvenSaving(0)).toBe(0);
    expect(breakEvenSaving(1)).toBeCloseTo(0.5, 12);
    expect(breakEvenSaving(0.25)).toBeCloseTo(0.2, 12); // 1 − 1/1.25
    expect(breakEvenSaving(3)).toBeCloseTo(0.75, 12);
  });

  it('agrees with isComputePositive on either side of the curve', () => {
    for (const o of [0.01, 0.2, 1, 4]) {
      const s = breakEvenSaving(o);
      expect(isComputePositive(s + 1e-6, o)).toBe(true);
      expect(isComputePositive(s - 1e-6, o)).toBe(false);
    }
  });

  it('learnability overhead is r(2ρ + 3)/3', () => {
    // ρ = 2, r = 0.1: scoring 2·0.1·2b = 0.4b, online training 3·0.1·b = 0.3b, over 3b → 0.7/3.
    expect(learnabilityOverhead(0.1, 2)).toBeCloseTo(0.7 / 3, 12);
    // ρ = 10, r = 1: (20 + 3)/3.
    expect(learnabilityOverhead(1, 10)).toBeCloseTo(23 / 3, 12);
    expect(learnabilityOverhead(0, 4)).toBe(0);
    // Equal-size scorer at ρ = 2: o = 7/3, so learner saving must exceed 1 − 3/10 = 70%.
    expect(breakEvenSaving(learnabilityOverhead(1, 2))).toBeCloseTo(0.7, 12);
  });

  it('samples the curve log-spaced over the x range, increasing with scorer cost', () => {
    const curve = breakEvenCurve(0.001, 1, 2, 4);
    expect(curve.map((p) => p.x)).toEqual([0.001, expect.closeTo(0.01, 12), expect.closeTo(0.1, 12), 1]);
    expect(curve[3]?.saving).toBeCloseTo(0.7, 12);
    expect(curve[0]?.saving).toBeCloseTo(1 - 1 / (1 + 0.007 / 3), 12);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.saving).toBeGreaterThan(curve[i - 1]!.saving);
  });

  it('log range covers the default decades and any point outside them', () => {
    expect(logRange([])).toEqual([0.001, 1]);
    expect(logRange([0.05, 0.5])).toEqual([0.001, 1]);
    expect(logRange([0.0004, 2.5])).toEqual([0.0001, 10]);
    expect(logTicks(0.0001, 10)).toEqual([0.0001, 0.001, 0.01, 0.1, 1, 10]);
  });
});

describe('computeFrontier', () => {
  it('keeps non-dominated (cheaper scorer, higher compute saving) points, sorted by cost', () => {
    const frontier = computeFrontier([
      point('cheap-good', 0.01, 0.2),
      point('mid-dominated', 0.05, 0.15), // costs more than cheap-good and saves less
      point('mid-better', 0.1, 0.3),
      point('costly-dominated', 0.5, 0.25), // dominated by mid-better
      point('never-reached', 0.001, null), // skipped: no compute saving
      point('costly-best', 1, 0.35),
    ]);
    expect(frontier.map((p) => p.id)).toEqual(['cheap-good', 'mid-better', 'costly-best']);
  });

  it('drops an equal-cost point with a lower saving and returns nothing for all-null points', () => {
    expect(computeFrontier([point('a', 0.1, 0.1), point('b', 0.1, 0.2)]).map((p) => p.id)).toEqual(['b']);
    expect(computeFrontier([point('x', 0.1, null)])).toEqual([]);
  });
});
