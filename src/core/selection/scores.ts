/**
 * Per-example selection scores (Evans et al. 2024, §3; Mindermann et al. 2022 for RHO).
 * Inputs are per-example losses ℓ(x | θ) without label smoothing, one entry per super-batch example.
 * Higher score = more likely to be selected.
 */

/** hard: s = ℓ(x | θ_learner) — prioritise what the learner gets wrong. */
export function hardScore(learnerLoss: Float32Array): Float32Array {
  return Float32Array.from(learnerLoss);
}

/** easy: s = −ℓ(x | θ_ref) — prioritise what the reference finds easy. */
export function easyScore(referenceLoss: Float32Array): Float32Array {
  return referenceLoss.map((l) => -l);
}

/**
 * learnability: s = ℓ(x | θ_online) − ℓ(x | θ_ref) — hard for the online student, yet easy for the
 * reference: learnable, not merely hard (noise is hard for both) nor merely easy (already learnt).
 */
export function learnabilityScore(onlineLoss: Float32Array, referenceLoss: Float32Array): Float32Array {
  if (onlineLoss.length !== referenceLoss.length)
    throw new Error(`learnabilityScore: ${onlineLoss.length} online losses vs ${referenceLoss.length} reference losses`);
  return onlineLoss.map((l, i) => l - (referenceLoss[i] as number));
}

/** RHO-loss: s = ℓ(x | θ_learner) − ℓ(x | θ_ref) — learnability with the learner as the online model. */
export function rhoScore(learnerLoss: Float32Array, referenceLoss: Float32Array): Float32Array {
  return learnabilityScore(learnerLoss, referenceLoss);
}
