import { createRng, deriveSeed, type Rng } from '../random/rng';

/**
 * Procedural K-class images: one smooth random template per class (a sum of Gaussian bumps, fixed by
 * the seed), shown at a random shift of ±2 px, plus Gaussian pixel noise whose σ depends on the class
 * ("mixed difficulty": the upper half of the classes can be noisier).
 */
export interface SyntheticImageOptions {
  imageSize: number;
  numClasses: number;
  /** σ for classes 0 … K/2−1 and for K/2 … K−1. */
  pixelNoise: number;
  hardPixelNoise: number;
  seed: number;
}

const MAX_SHIFT = 2;
const BUMPS_PER_TEMPLATE = 6;

/** Zero-mean, unit-std templates [K][S·S], rendered with a margin so shifts stay inside. */
export function classTemplates(imageSize: number, numClasses: number, seed: number): Float32Array[] {
  const rng = createRng(deriveSeed(seed, 'templates'));
  const size = imageSize + 2 * MAX_SHIFT;
  return Array.from({ length: numClasses }, () => {
    const t = new Float32Array(size * size);
    for (let k = 0; k < BUMPS_PER_TEMPLATE; k++) {
      const cx = rng.next() * size;
      const cy = rng.next() * size;
      const radius = 1.5 + rng.next() * 3;
      const sign = rng.next() < 0.5 ? -1 : 1;
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const d2 = (x - cx) ** 2 + (y - cy) ** 2;
          t[y * size + x] = (t[y * size + x] as number) + sign * Math.exp(-d2 / (2 * radius * radius));
        }
      }
    }
    return standardise(t);
  });
}

function standardise(values: Float32Array): Float32Array {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  const std = Math.sqrt(variance / values.length) || 1;
  return values.map((v) => (v - mean) / std);
}

export function classNoise(options: SyntheticImageOptions, label: number): number {
  return label < options.numClasses / 2 ? options.pixelNoise : options.hardPixelNoise;
}

/** Renders one example of class `label` into `out` at `offset`. */
export function renderExample(templates: Float32Array[], label: number, options: SyntheticImageOptions, rng: Rng, out: Float32Array, offset: number): void {
  const { imageSize } = options;
  const size = imageSize + 2 * MAX_SHIFT;
  const template = templates[label] as Float32Array;
  const dx = MAX_SHIFT + rng.int(2 * MAX_SHIFT + 1) - MAX_SHIFT;
  const dy = MAX_SHIFT + rng.int(2 * MAX_SHIFT + 1) - MAX_SHIFT;
  const sigma = classNoise(options, label);
  for (let y = 0; y < imageSize; y++) {
    for (let x = 0; x < imageSize; x++) {
      out[offset + y * imageSize + x] = (template[(y + dy) * size + (x + dx)] as number) + sigma * rng.normal();
    }
  }
}

/** A pure-noise image (for "unlearnable" examples): N(0, 1) pixels, no class signal. */
export function renderNoise(pixels: number, rng: Rng, out: Float32Array, offset: number): void {
  for (let i = 0; i < pixels; i++) out[offset + i] = rng.normal();
}
