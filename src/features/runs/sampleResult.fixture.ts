import { flops } from '../../core/accounting/units';
import { DEFAULT_CONFIG } from '../../core/config/experimentConfig';
import type { CurvePoint, ExperimentResult, RunResult } from '../../core/experiment/resultTypes';

function curve(accuracies: number[]): CurvePoint[] {
  return accuracies.map((testAccuracy, i) => ({
    step: i * 10,
    testAccuracy,
    trainLoss: i === 0 ? null : 2 - i / 10,
    flops: flops(i * 1.5e9),
    wallMs: i * 12.5,
    noisySelectedFraction: i === 0 ? null : 0.1,
  }));
}

function run(id: string, policy: RunResult['policy'], scorer: string | null, accuracies: number[]): RunResult {
  const points = curve(accuracies);
  const last = points[points.length - 1] as CurvePoint;
  return {
    id,
    policy,
    scorer,
    final: { testAccuracy: last.testAccuracy, steps: last.step, flops: last.flops, wallMs: last.wallMs },
    curve: points,
    phaseFlops: { learner: flops(1e9), scoring: flops(scorer ? 2e8 : 0), online: flops(0), reference: flops(0) },
    referencePretrainFlops: flops(scorer ? 5e8 : 0),
    modelFlops: { learner: flops(1e6), scorer: scorer ? flops(1e4) : null },
    phaseWallMs: { learner: 100, scoring: 10, online: 0, reference: 0 },
    referenceTestAccuracy: scorer ? 0.6 : null,
    onlineTestAccuracy: policy === 'learnability' ? 0.5 : null,
  };
}

/** A small, complete ExperimentResult for tests (two runs, one comparison). */
export const SAMPLE_RESULT: ExperimentResult = {
  config: { ...DEFAULT_CONFIG, policies: ['uniform', 'learnability'], steps: 40, evalEvery: 10 },
  backend: 'wasm',
  runs: [
    run('uniform', 'uniform', null, [0.1, 0.3, 0.5, 0.6, 0.65]),
    {
      ...run('learnability@ViT-Mi/4', 'learnability', 'ViT-Mi/4', [0.1, 0.4, 0.6, 0.7, 0.72]),
      stoppedEarly: { reason: 'user', detail: 'stopped by the user' },
    },
  ],
  comparisons: [
    {
      policy: 'learnability',
      scorer: 'ViT-Mi/4',
      targetAccuracy: 0.5833333333333334,
      stepsToTarget: 21.5,
      iidStepsToTarget: 33.3,
      learnerSaving: 0.354,
      computeSaving: 0.2,
      wallSaving: null,
      computePositive: true,
      computeSavingWithPretraining: -0.05,
      overheadRatio: 0.2,
      scorerFlopRatio: 0.01,
    },
  ],
};
