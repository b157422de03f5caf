import type { HardClassStyle } from '../config/experimentConfig';
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
  /** How the upper half of the classes differs: its own templates, or fine detail on one shared shape. */
  hardClassStyle: HardClassStyle;
  seed: number;
}

const MAX_SHIFT = 2;
const BUMPS_PER_TEMPLATE = 6;

/**
 * Zero-mean, unit-std templates [K][S·S], rendered with a margin so shifts stay inside. With
 * `fine-detail`, the upper half of the classes share one coarse shape and differ only in a few
 * pixel-sized dots (see fineDetailTemplates).
 */
export function classTemplates(imageSize: number, numClasses: number, seed: number, style: HardClassStyle = 'pixel-noise'): Float32Array[] {
  const rng = createRng(deriveSeed(seed, 'templates'));
  const size = imageSize + 2 * MAX_SHIFT;
  const templates = Array.from({ length: numClasses }, () => {
    const t = new Float32Array(size * size);
    for (let k = 0; k < BUMPS_PER_TEMPLATE; k++)
      addBump(t, size, rng.next() * size, rng.next() * size, 1.5 + rng.next() * 3, rng.next() < 0.5 ? -1 : 1);
    return standardise(t);
  });
  if (style === 'fine-detail')
    templates.splice(
      Math.ceil(numClasses / 2),
      numClasses,
      ...fineDetailTemplates(imageSize, numClasses - Math.ceil(numClasses / 2), seed),
    );
  return templates;
}

/** Fine-detail classes: DETAIL_DOTS dots per class, this small (σ in px) and this bright, inside the central area. */
export const DETAIL_DOTS = 3;
export const DETAIL_RADIUS = 0.9;
export const DETAIL_AMPLITUDE = 2.5;

/**
 * `count` templates sharing one coarse shape (a standardised sum of broad bumps, like any class), each
 * with its own DETAIL_DOTS small dots. Telling them apart needs near-pixel resolution at a random
 * shift, which is where a larger learner pulls ahead of a small scorer trained on the same examples
 * (measured in docs/science.md: ViT-Ti/4 vs ViT-Mi/8).
 */
export function fineDetailTemplates(imageSize: number, count: number, seed: number): Float32Array[] {
  const rng = createRng(deriveSeed(seed, 'fine-detail'));
  const size = imageSize + 2 * MAX_SHIFT;
  const base = new Float32Array(size * size);
  for (let k = 0; k < BUMPS_PER_TEMPLATE; k++)
    addBump(base, size, rng.next() * size, rng.next() * size, 1.5 + rng.next() * 3, rng.next() < 0.5 ? -1 : 1);
  const shared = standardise(base);
  const lo = MAX_SHIFT + 2;
  const span = imageSize - 4;
  return Array.from({ length: count }, () => {
    const t = Float32Array.from(shared);
    for (let k = 0; k < DETAIL_DOTS; k++)
      addBump(t, size, lo + rng.next() * span, lo + rng.next() * span, DETAIL_RADIUS, DETAIL_AMPLITUDE * (rng.next() < 0.5 ? -1 : 1));
    return t;
  });
}

function addBump(t: Float32Array, size: number, cx: number, cy: number, radius: number, amplitude: number): void {
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d2 = (x - cx) ** 2 + (y - cy) ** 2;
      t[y * size + x] = (t[y * size + x] as number) + amplitude * Math.exp(-d2 / (2 * radius * radius));
    }
  }
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
export function renderExample(
  templates: Float32Array[],
  label: number,
  options: SyntheticImageOptions,
  rng: Rng,
  out: Float32Array,
  offset: number,
): void {
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
