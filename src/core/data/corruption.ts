import type { NoiseKind } from '../config/experimentConfig';
import { shuffleInPlace, type Rng } from '../random/rng';
import { CorruptionCode, type Split } from './dataset';
import { renderNoise } from './syntheticImages';

export interface CorruptionOptions {
  labelNoise: number;
  noiseKind: NoiseKind;
  duplicateFraction: number;
  unlearnableFraction: number;
  numClasses: number;
}

/** A wrong label: symmetric = a uniformly random other class; asymmetric = c → c+1 mod K. */
export function corruptLabel(label: number, kind: NoiseKind, numClasses: number, rng: Rng): number {
  if (kind === 'asymmetric') return (label + 1) % numClasses;
  return (label + 1 + rng.int(numClasses - 1)) % numClasses;
}

/**
 * Corrupts disjoint random subsets of a split in place: round(fraction·N) examples each become
 * pure noise with a random label (unlearnable), a copy of another clean example (duplicate), or
 * keep their image with a wrong label (label noise). Every touched example is flagged.
 */
export function corruptSplit(split: Split, options: CorruptionOptions, pixels: number, rng: Rng): void {
  const order = shuffleInPlace(
    Array.from({ length: split.count }, (_, i) => i),
    rng,
  );
  const take = (fraction: number) => order.splice(0, Math.round(fraction * split.count));
  const unlearnable = take(options.unlearnableFraction);
  const duplicates = take(options.duplicateFraction);
  const mislabelled = take(options.labelNoise);
  const clean = order; // what remains untouched: duplicate sources come from here

  for (const i of unlearnable) {
    renderNoise(pixels, rng, split.images, i * pixels);
    const label = rng.int(options.numClasses);
    split.labels[i] = label;
    split.trueLabels[i] = label;
    split.corruption[i] = CorruptionCode.unlearnable;
  }
  for (const i of duplicates) {
    if (clean.length === 0) break;
    const source = clean[rng.int(clean.length)] as number;
    split.images.copyWithin(i * pixels, source * pixels, (source + 1) * pixels);
    split.labels[i] = split.labels[source] as number;
    split.trueLabels[i] = split.trueLabels[source] as number;
    split.corruption[i] = CorruptionCode.duplicate;
  }
  for (const i of mislabelled) {
    split.labels[i] = corruptLabel(split.trueLabels[i] as number, options.noiseKind, options.numClasses, rng);
    split.corruption[i] = CorruptionCode.labelNoise;
  }
}
