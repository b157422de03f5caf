import type { Rng } from '../random/rng';

/**
 * Samples k of n items without replacement with probabilities ∝ exp(score / τ) at each draw
 * (Plackett–Luce), via the Gumbel-top-k trick: keep the k largest score/τ + Gumbel(0, 1).
 * τ = 0 is deterministic top-k (ties broken by lower index). Returns positions into `scores`,
 * best key first.
 */
export function gumbelTopK(scores: ArrayLike<number>, k: number, temperature: number, rng: Rng): Int32Array {
  const n = scores.length;
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`gumbelTopK: cannot pick ${k} of ${n}`);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (!Number.isFinite(s)) throw new Error(`gumbelTopK: score ${i} is ${s}; scores must be finite`);
    keys[i] = temperature === 0 ? s : s / temperature + gumbel(rng);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (keys[b] as number) - (keys[a] as number) || a - b);
  return Int32Array.from(order.slice(0, k));
}

/** A standard Gumbel draw: −log(−log U), U ∈ (0, 1). */
function gumbel(rng: Rng): number {
  const u = Math.min(Math.max(rng.next(), 1e-12), 1 - 1e-12);
  return -Math.log(-Math.log(u));
}
