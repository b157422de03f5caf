/**
 * Per-class counts (issue 16): how many picked examples each class had since the last evaluation —
 * by the training label the learner saw, and by the example's true class — and per-class test
 * accuracy from per-example hits. Plain loops over small integer arrays: no tensors, no allocation per step.
 */

/** Adds one to `counts[labels[i]]` for each picked train-split index `i`. */
export function tallyClasses(counts: number[], labels: Int32Array, picked: Int32Array): void {
  for (const i of picked) {
    const c = labels[i] as number;
    if (c >= 0 && c < counts.length) counts[c] = (counts[c] as number) + 1;
  }
}

/** Counts → shares summing to 1 (null when nothing was counted). */
export function sharesOf(counts: readonly number[]): number[] | null {
  let total = 0;
  for (const n of counts) total += n;
  return total === 0 ? null : counts.map((n) => n / total);
}

/** Per-class accuracy from hits and example counts; null for a class absent from the split. */
export function classAccuracies(hits: readonly number[], counts: readonly number[]): (number | null)[] {
  return counts.map((n, c) => (n === 0 ? null : (hits[c] as number) / n));
}

/** The lowest accuracy of a class present in the split (null when none is). */
export function worstClassAccuracy(accuracy: readonly (number | null)[]): number | null {
  let worst: number | null = null;
  for (const a of accuracy) if (a !== null && (worst === null || a < worst)) worst = a;
  return worst;
}
