import type { Rng } from '../random/rng';

/**
 * Class weights with largest ÷ smallest = imbalance, decaying geometrically from class 0 to K−1
 * (imbalance 1 = balanced).
 */
export function classWeights(numClasses: number, imbalance: number): number[] {
  if (numClasses === 1) return [1];
  const weights = Array.from({ length: numClasses }, (_, c) => imbalance ** (-c / (numClasses - 1)));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/** Draws `count` class labels: exact quotas per class (largest remainders), then shuffled. */
export function drawClassLabels(count: number, weights: number[], rng: Rng): Int32Array {
  const quotas = weights.map((w) => Math.floor(w * count));
  let missing = count - quotas.reduce((s, q) => s + q, 0);
  const byRemainder = weights.map((w, c) => ({ c, r: w * count - Math.floor(w * count) })).sort((a, b) => b.r - a.r);
  for (const { c } of byRemainder) {
    if (missing-- <= 0) break;
    quotas[c] = (quotas[c] as number) + 1;
  }
  const labels = new Int32Array(count);
  let i = 0;
  quotas.forEach((q, c) => {
    for (let k = 0; k < q; k++) labels[i++] = c;
  });
  for (let j = count - 1; j > 0; j--) {
    const k = rng.int(j + 1);
    const t = labels[j] as number;
    labels[j] = labels[k] as number;
    labels[k] = t;
  }
  return labels;
}
