import type { Rng } from '../random/rng';

/** The models whose per-example losses a policy reads on each super-batch. */
export type ScoringModel = 'learner' | 'online' | 'reference';
export type LossesByModel = Partial<Record<ScoringModel, Float32Array>>;

/**
 * A selection policy: which models it scores with and how. Everything else follows from `models`
 * (docs/architecture.md, "FLOP ledger"): the scoring cost (their forward FLOPs on the super-batch),
 * whether an online student trains ('online'), whether a reference is needed ('reference'), and
 * whether the run depends on the scorer variant.
 */
export interface SelectionPolicy {
  name: string;
  label: string;
  /** One line for a classroom. */
  description: string;
  models: readonly ScoringModel[];
  /** null = no scoring: train on a uniform sub-batch (the IID baseline). `rng` is the run's selection stream. */
  score: ((losses: LossesByModel, rng: Rng) => Float32Array) | null;
}

/** The losses of `model`, which the policy lists in its models (an error names it otherwise). */
export function lossesOf(losses: LossesByModel, model: ScoringModel): Float32Array {
  const l = losses[model];
  if (!l) throw new Error(`selection: ${model} losses were not computed`);
  return l;
}

/** Whether a policy runs a scorer-sized model (online student or reference), i.e. depends on the scorer variant. */
export function usesScorerModel(policy: SelectionPolicy): boolean {
  return policy.models.some((m) => m !== 'learner');
}

/** Whether a policy needs a reference model (pretrained on the held-out split, or trained online). */
export function usesReference(policy: SelectionPolicy): boolean {
  return policy.models.includes('reference');
}

/** Whether a policy trains an online student beside the learner. */
export function usesOnlineStudent(policy: SelectionPolicy): boolean {
  return policy.models.includes('online');
}
