import { easyScore, hardScore, learnabilityScore, rhoScore } from './scores';
import { lossesOf, type LossesByModel, type SelectionPolicy } from './selectionPolicy';
import { shuffledScore } from './shuffledScore';

/** ℓ(x|θ_online) − ℓ(x|θ_ref): learnability's score, and the one the shuffled control permutes. */
const learnability = (l: LossesByModel) => learnabilityScore(lossesOf(l, 'online'), lossesOf(l, 'reference'));

/**
 * The flat policy registry, and nothing else: a new policy is one file (its score function) plus
 * one line here. The policy names, the config's allowed values, the FLOP ledger, the validation
 * and the run loop all read it (a test extends it with a test-only policy: policyRegistry.test.ts).
 */
const REGISTRY = {
  uniform: {
    name: 'uniform',
    label: 'Uniform (IID)',
    description: 'No scoring: a random half of each super-batch.',
    models: [],
    score: null,
  },
  hard: {
    name: 'hard',
    label: 'Hard',
    description: 'Pick what the learner currently gets most wrong (its own loss).',
    models: ['learner'],
    score: (l) => hardScore(lossesOf(l, 'learner')),
  },
  easy: {
    name: 'easy',
    label: 'Easy (reference)',
    description: 'Pick what a small pretrained reference finds easiest (minus its loss).',
    models: ['reference'],
    score: (l) => easyScore(lossesOf(l, 'reference')),
  },
  learnability: {
    name: 'learnability',
    label: 'Learnability',
    description: 'Pick what a tiny online student still gets wrong but the reference gets right.',
    models: ['online', 'reference'],
    score: learnability,
  },
  rho: {
    name: 'rho',
    label: 'RHO-loss',
    description: 'Learnability with the big learner itself as the online model (costly).',
    models: ['learner', 'reference'],
    score: (l) => rhoScore(lossesOf(l, 'learner'), lossesOf(l, 'reference')),
  },
  shuffled: {
    name: 'shuffled',
    label: 'Shuffled (control)',
    description: 'Learnability scores shuffled within each super-batch: what selection saves by chance.',
    models: ['online', 'reference'],
    score: (l, rng) => shuffledScore(learnability(l), rng),
  },
} satisfies Record<string, SelectionPolicy>;

export type PolicyName = keyof typeof REGISTRY;
export const POLICIES: Readonly<Record<PolicyName, SelectionPolicy>> = REGISTRY;
/** In registry order; the IID baseline first. */
export const POLICY_NAMES = Object.keys(REGISTRY) as readonly PolicyName[];
