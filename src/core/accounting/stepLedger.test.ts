import { describe, expect, it } from 'vitest';
import { POLICIES } from '../selection/policies';
import { referencePretrainFlops, stepPhaseFlops, totalPhaseFlops } from './stepLedger';

// Hand-computed step: F_L = 1000, F_O = F_R = 10, b = 4, B = 8.
const base = { learnerFlops: 1000, onlineFlops: 10, referenceFlops: 10, batchSize: 4, superBatchSize: 8, referenceBatchSize: 40 };

describe('per-step FLOP ledger (docs/architecture.md, "FLOP ledger")', () => {
  it.each([
    ['uniform', 'held-out', { learner: 12_000, scoring: 0, online: 0, reference: 0 }],
    ['hard', 'held-out', { learner: 12_000, scoring: 8_000, online: 0, reference: 0 }],
    ['easy', 'held-out', { learner: 12_000, scoring: 80, online: 0, reference: 0 }],
    ['learnability', 'held-out', { learner: 12_000, scoring: 160, online: 120, reference: 0 }],
    // An online reference trains on its own 10 × b = 40 examples a step: 3 · 10 · 40.
    ['learnability', 'online', { learner: 12_000, scoring: 160, online: 120, reference: 1_200 }],
    ['rho', 'held-out', { learner: 12_000, scoring: 8_080, online: 0, reference: 0 }],
    ['rho', 'online', { learner: 12_000, scoring: 8_080, online: 0, reference: 1_200 }],
  ] as const)('%s with a %s reference', (policy, referenceMode, expected) => {
    const phases = stepPhaseFlops({ ...base, models: POLICIES[policy].models, referenceMode });
    expect(phases).toEqual(expected);
    expect(totalPhaseFlops(phases)).toBe(expected.learner + expected.scoring + expected.online + expected.reference);
  });

  it('counts held-out reference pretraining as 3·F_R per example seen', () => {
    expect(referencePretrainFlops(10, 400 * 128)).toBe(3 * 10 * 51_200);
  });
});
