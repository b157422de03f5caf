import type { Rng } from '../random/rng';

/**
 * The shuffled control: the same scores, permuted at random within the super-batch (Fisher–Yates on
 * the selection stream). Selection then keeps the score distribution (and τ's sharpness) but loses
 * any link between an example and its score, so what a shuffled run saves is the noise floor of
 * selection itself.
 */
export function shuffledScore(scores: Float32Array, rng: Rng): Float32Array {
  const out = Float32Array.from(scores);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
  return out;
}
