import { shuffleInPlace, type Rng } from '../random/rng';

/**
 * The shuffled control: the same scores, permuted at random within the super-batch (Fisher–Yates on
 * the selection stream). Selection then keeps the score distribution (and τ's sharpness) but loses
 * any link between an example and its score, so what a shuffled run saves is the noise floor of
 * selection itself.
 */
export function shuffledScore(scores: Float32Array, rng: Rng): Float32Array {
  return shuffleInPlace(Float32Array.from(scores), rng);
}
