import { describe, expect, it } from 'vitest';
import { phaseRecord } from '../accounting/phases';
import { flops } from '../accounting/units';
import type { CurvePoint, RunResult } from '../experiment/resultTypes';
import { paretoFrontier } from './pareto';
import { compareWithIid, isComputePositive } from './savings';
import { crossingPoint, smoothedAccuracy, targetAccuracy } from './targetCrossing';

const curve = (accs: number[], flopsPerStep = 100, every = 10): CurvePoint[] =>
  accs.map((a, i) => ({
    step: i * every,
    testAccuracy: a,
    trainLoss: null,
    flops: flops(i * every * flopsPerStep),
    wallMs: i * every,
    noisySelectedFraction: null,
  }));

const run = (policy: RunResult['policy'], accs: number[], flopsPerStep: number, learnerPerStep = 100): RunResult => ({
  id: policy,
  policy,
  scorer: policy === 'uniform' ? null : 'ViT-Mu/8',
  final: { testAccuracy: accs.at(-1)!, steps: (accs.length - 1) * 10, flops: flops((accs.length - 1) * 10 * flopsPerStep), wallMs: 0 },
  curve: curve(accs, flopsPerStep),
  phaseFlops: {
    learner: learnerPerStep * 100,
    scoring: (flopsPerStep - learnerPerStep) * 100,
    online: 0,
    reference: 0,
  } as RunResult['phaseFlops'],
  referencePretrainFlops: flops(500),
  modelFlops: { learner: flops(10), scorer: policy === 'uniform' ? null : flops(1) },
  phaseWallMs: phaseRecord(() => 0),
  referenceTestAccuracy: null,
  onlineTestAccuracy: null,
});

describe('steps to target', () => {
  it('a* is the mean of the last three IID evaluations', () => {
    expect(targetAccuracy(curve([0.1, 0.5, 0.6, 0.7, 0.8]))).toBeCloseTo(0.7, 12);
  });

  it('interpolates linearly between the evaluations around the crossing of the smoothed curve', () => {
    const c = curve([0.2, 0.4, 0.6, 0.8, 0.8]);
    // trailing means: 0.2, 0.3, 0.4, 0.6, 0.733…
    expect(smoothedAccuracy(c).map((x) => +x.toFixed(3))).toEqual([0.2, 0.3, 0.4, 0.6, 0.733]);
    expect(crossingPoint(c, 0.5, 'step')).toBeCloseTo(25, 6); // halfway between steps 20 (0.4) and 30 (0.6)
    expect(crossingPoint(c, 0.5, 'flops')).toBeCloseTo(2500, 4);
    expect(crossingPoint(c, 0.9, 'step')).toBeNull();
  });
});

describe('savings and break-even', () => {
  it('computes learner and compute saving against IID at a*', () => {
    const iid = run('uniform', [0.1, 0.3, 0.5, 0.6, 0.7, 0.7, 0.7], 100);
    const active = run('learnability', [0.1, 0.5, 0.7, 0.7, 0.75, 0.75, 0.75], 120);
    const c = compareWithIid(iid, active);
    expect(c.targetAccuracy).toBeCloseTo(0.7, 12);
    // IID smoothed: …, 0.6, 0.667, 0.7 → reaches a* at step 60. Active smoothed: 0.1, 0.3, 0.433,
    // 0.633, 0.717 → crosses 0.7 at 30 + 10·(0.7 − 0.633)/(0.717 − 0.633) = 38.
    expect(c.iidStepsToTarget).toBeCloseTo(60, 6);
    expect(c.stepsToTarget).toBeCloseTo(38, 6);
    expect(c.learnerSaving).toBeCloseTo(1 - 38 / 60, 6);
    expect(c.computeSaving).toBeCloseTo(1 - (38 * 120) / (60 * 100), 6);
    expect(c.computeSavingWithPretraining).toBeCloseTo(1 - (38 * 120 + 500) / (60 * 100), 6);
    expect(c.overheadRatio).toBeCloseTo(0.2, 8);
    expect(c.computePositive).toBe(true);
    expect(c.scorerFlopRatio).toBeCloseTo(0.1, 10);
  });

  it('reports null, never 0, when the active run does not reach a*', () => {
    const iid = run('uniform', [0.1, 0.5, 0.7, 0.7, 0.7], 100);
    const c = compareWithIid(iid, run('hard', [0.1, 0.2, 0.3, 0.3, 0.3], 200, 100));
    expect(c.learnerSaving).toBeNull();
    expect(c.computeSaving).toBeNull();
    expect(c.computePositive).toBeNull();
  });

  it('break-even: (1 − s)(1 + o) < 1', () => {
    expect(isComputePositive(0.3, 0.4)).toBe(true); // 0.7 · 1.4 = 0.98
    expect(isComputePositive(0.3, 0.5)).toBe(false); // 0.7 · 1.5 = 1.05
    expect(isComputePositive(0, 0)).toBe(false);
  });
});

describe('Pareto frontier', () => {
  it('keeps exactly the non-dominated points, sorted by cost', () => {
    const pts = [
      { id: 'a', cost: 1, gain: 0.1 },
      { id: 'b', cost: 2, gain: 0.3 },
      { id: 'c', cost: 3, gain: 0.2 }, // dominated by b
      { id: 'd', cost: 4, gain: 0.5 },
      { id: 'e', cost: 2, gain: 0.3 }, // tie with b: neither dominates
      { id: 'f', cost: Number.NaN, gain: 1 },
    ];
    expect(paretoFrontier(pts).map((p) => p.id)).toEqual(
      ['b', 'e', 'a', 'd'].sort((x, y) => pts.find((p) => p.id === x)!.cost - pts.find((p) => p.id === y)!.cost),
    );
  });
});
