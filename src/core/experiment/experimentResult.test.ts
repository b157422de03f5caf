import { describe, expect, it } from 'vitest';
import { phaseRecord } from '../accounting/phases';
import { ZERO_PHASE_FLOPS } from '../accounting/stepLedger';
import { flops } from '../accounting/units';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { divergedAtStep, stoppedByUser, unfinishedAt } from './earlyStop';
import { buildExperimentResult, isComparable } from './experimentResult';
import type { RunResult } from './resultTypes';

const run = (id: string, policy: RunResult['policy'], stoppedEarly?: RunResult['stoppedEarly']): RunResult => ({
  id,
  policy,
  scorer: null,
  final: { testAccuracy: 0.5, steps: 20, flops: flops(2000), wallMs: 20 },
  curve: [0, 10, 20].map((step) => ({
    step,
    testAccuracy: step / 40,
    trainLoss: null,
    flops: flops(step * 100),
    wallMs: step,
    noisySelectedFraction: null,
  })),
  phaseFlops: ZERO_PHASE_FLOPS,
  referencePretrainFlops: flops(0),
  modelFlops: { learner: flops(10), scorer: null },
  phaseWallMs: phaseRecord(() => 0),
  referenceTestAccuracy: null,
  ...(stoppedEarly ? { stoppedEarly } : {}),
});

describe('buildExperimentResult', () => {
  it('compares the runs that ended or were stopped by the user, not diverged or still-training ones', () => {
    expect([undefined, stoppedByUser(), divergedAtStep(3), unfinishedAt(10, 20)].map((s) => isComparable(run('x', 'hard', s)))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const runs = [run('uniform', 'uniform'), run('hard', 'hard', stoppedByUser()), run('easy', 'easy', divergedAtStep(3))];
    const result = buildExperimentResult(DEFAULT_CONFIG, runs, { backend: 'wasm' });
    expect(result.comparisons.map((c) => c.policy)).toEqual(['hard']);
    expect(result.runs).toBe(runs);
  });

  it('carries the backend, and a failure or upload only when there is one', () => {
    const failure = { runId: 'easy', message: 'diverged' };
    expect(buildExperimentResult(DEFAULT_CONFIG, [], { backend: 'webgl' })).toEqual({
      config: DEFAULT_CONFIG,
      backend: 'webgl',
      runs: [],
      comparisons: [],
    });
    expect(buildExperimentResult(DEFAULT_CONFIG, [], { backend: 'webgl', failure }).failure).toBe(failure);
  });
});
