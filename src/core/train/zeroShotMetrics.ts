import type { Evaluation } from './evaluate';

/**
 * Zero-shot classification and retrieval from the cosine similarities of N test images to the K
 * caption prompts, sims [N·K] row-major (CLIP's evaluation, on the clean test split):
 * - accuracy: the image's most similar prompt is its own caption (chance 1/K);
 * - loss: mean cross-entropy of softmax(scale·sims) against the caption;
 * - image→text recall@1: the most similar caption among the test split's own captions is the image's
 *   (captions repeat, so a copy of the right caption is a hit; equals accuracy when every caption occurs);
 * - text→image recall@1: for each test caption, the most similar test image carries that caption.
 */
export function zeroShotMetrics(sims: Float32Array, labels: Int32Array, numPrompts: number, scale: number): Evaluation {
  const N = labels.length;
  if (sims.length !== N * numPrompts)
    throw new Error(`zeroShotMetrics: ${sims.length} similarities for ${N} images × ${numPrompts} prompts`);
  const present = new Set(labels);
  let correct = 0;
  let retrieved = 0;
  let lossSum = 0;
  const bestImage = new Int32Array(numPrompts).fill(-1);
  for (let i = 0; i < N; i++) {
    const y = labels[i] as number;
    let best = 0;
    let bestPresent = -1;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < numPrompts; k++) {
      const s = sims[i * numPrompts + k] as number;
      if (s > (sims[i * numPrompts + best] as number)) best = k;
      if (present.has(k) && (bestPresent < 0 || s > (sims[i * numPrompts + bestPresent] as number))) bestPresent = k;
      max = Math.max(max, scale * s);
      const b = bestImage[k] as number;
      if (b < 0 || s > (sims[b * numPrompts + k] as number)) bestImage[k] = i;
    }
    let sumExp = 0;
    for (let k = 0; k < numPrompts; k++) sumExp += Math.exp(scale * (sims[i * numPrompts + k] as number) - max);
    lossSum += max + Math.log(sumExp) - scale * (sims[i * numPrompts + y] as number);
    if (best === y) correct++;
    if (bestPresent === y) retrieved++;
  }
  let textHits = 0;
  for (let i = 0; i < N; i++) {
    const y = labels[i] as number;
    if (labels[bestImage[y] as number] === y) textHits++;
  }
  return { accuracy: correct / N, loss: lossSum / N, retrieval: { imageToText: retrieved / N, textToImage: textHits / N } };
}
