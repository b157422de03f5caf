import type { Rng } from '../random/rng';
import type { LossesByModel, SelectionPolicy } from './selectionPolicy';
import { gumbelTopK } from './sampler';

/** What a policy picked from one super-batch: positions into it, and the scores (null: no scoring). */
export interface SubBatchChoice {
  positions: Int32Array;
  scores: Float32Array | null;
}

/** A score that is not a finite number: the scoring models have diverged. */
export class NonFiniteScoreError extends Error {
  constructor(readonly position: number) {
    super(`selection: score ${position} of the super-batch is not finite`);
    this.name = 'NonFiniteScoreError';
  }
}

/**
 * Picks b of the super-batch (docs/architecture.md, "Formulas"): the policy scores it from the
 * per-example losses of its models and b positions are sampled ∝ softmax(score / τ). A policy
 * without a score (the IID baseline) takes the first b, which are b uniform examples because the
 * super-batch is a uniform draw.
 */
export function selectSubBatch(policy: SelectionPolicy, losses: LossesByModel, b: number, temperature: number, rng: Rng): SubBatchChoice {
  if (!policy.score) return { positions: Int32Array.from({ length: b }, (_, i) => i), scores: null };
  const scores = policy.score(losses, rng);
  const bad = scores.findIndex((s) => !Number.isFinite(s));
  if (bad >= 0) throw new NonFiniteScoreError(bad);
  return { positions: gumbelTopK(scores, b, temperature, rng), scores };
}
