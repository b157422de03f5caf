import type { PolicyName } from '../config/experimentConfig';
import type { Rng } from '../random/rng';
import { easyScore, hardScore, learnabilityScore, rhoScore } from './scores';
import { shuffledScore } from './shuffledScore';

/** The models whose per-example losses a policy reads on each super-batch. */
export type ScoringModel = 'learner' | 'online' | 'reference';
export type LossesByModel = Partial<Record<ScoringModel, Float32Array>>;

export interface SelectionPolicy {
  name: PolicyName;
  label: string;
  /** One line for a classroom. */
  description: string;
  models: readonly ScoringModel[];
  /** null = no scoring: train on a uniform sub-batch (the IID baseline). `rng` is the run's selection stream. */
  score: ((losses: LossesByModel, rng: Rng) => Float32Array) | null;
}

function need(losses: LossesByModel, model: ScoringModel): Float32Array {
  const l = losses[model];
  if (!l) throw new Error(`selection: ${model} losses were not computed`);
  return l;
}

/** Flat registry: a new scorer is one file (its score function) plus one line here. */
export const POLICIES: Record<PolicyName, SelectionPolicy> = {
  uniform: { name: 'uniform', label: 'Uniform (IID)', description: 'No scoring: a random half of each super-batch.', models: [], score: null },
  hard: { name: 'hard', label: 'Hard', description: "Pick what the learner currently gets most wrong (its own loss).", models: ['learner'], score: (l) => hardScore(need(l, 'learner')) },
  easy: { name: 'easy', label: 'Easy (reference)', description: 'Pick what a small pretrained reference finds easiest (minus its loss).', models: ['reference'], score: (l) => easyScore(need(l, 'reference')) },
  learnability: {
    name: 'learnability',
    label: 'Learnability',
    description: 'Pick what a tiny online student still gets wrong but the reference gets right.',
    models: ['online', 'reference'],
    score: (l) => learnabilityScore(need(l, 'online'), need(l, 'reference')),
  },
  shuffled: {
    name: 'shuffled',
    label: 'Shuffled (control)',
    description: 'Learnability scores shuffled within each super-batch: what selection saves by chance.',
    models: ['online', 'reference'],
    score: (l, rng) => shuffledScore(learnabilityScore(need(l, 'online'), need(l, 'reference')), rng),
  },
  rho: { name: 'rho', label: 'RHO-loss', description: 'Learnability with the big learner itself as the online model (costly).', models: ['learner', 'reference'], score: (l) => rhoScore(need(l, 'learner'), need(l, 'reference')) },
};

/** Whether a policy runs a scorer-sized model (online student or reference), i.e. depends on the scorer variant. */
export function usesScorerModel(policy: PolicyName): boolean {
  return POLICIES[policy].models.some((m) => m !== 'learner');
}
