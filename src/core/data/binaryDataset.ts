import { createRng, deriveSeed, shuffleInPlace } from '../random/rng';
import { classWeights } from './classBalance';
import { corruptSplit } from './corruption';
import { emptySplit, type Dataset, type Split } from './dataset';
import { LAB_IMAGE_SIZE, LAB_PIXELS, labFrameLayout, writeLabFrame } from './labImage';
import type { DataConfig } from './dataConfig';

/** public/datasets/<name>/manifest.json, written by scripts/build-datasets.ts. */
export interface BinaryDatasetManifest extends Pick<Dataset, 'name' | 'title' | 'imageSize' | 'channels' | 'numClasses' | 'classNames'> {
  source: string;
  splits: Record<'train' | 'test', { count: number; images: string; labels: string }>;
}

/** Reads a file relative to public/datasets/<name>/ (fs in Node, fetch in the browser). */
export type ReadBytes = (relativePath: string) => Promise<Uint8Array>;

export async function loadBinaryDataset(name: string, config: DataConfig, read: ReadBytes): Promise<Dataset> {
  const manifest = JSON.parse(new TextDecoder().decode(await read('manifest.json'))) as BinaryDatasetManifest;
  if (manifest.imageSize !== 28 || manifest.channels !== 1)
    throw new Error(`${name}: expected 28×28 grey images, manifest says ${manifest.imageSize}×${manifest.imageSize}×${manifest.channels}`);
  const pool = await readSplit(name, manifest, 'train', read);
  const testPool = await readSplit(name, manifest, 'test', read);
  const needed = config.trainSize + config.heldOutSize;
  if (needed > pool.labels.length) {
    throw new Error(
      `trainSize + heldOutSize = ${needed} exceeds the ${pool.labels.length} training examples ${manifest.title} ships; lower trainSize or heldOutSize (allowed total ≤ ${pool.labels.length})`,
    );
  }
  if (config.testSize > testPool.labels.length) {
    throw new Error(
      `testSize = ${config.testSize} exceeds the ${testPool.labels.length} test examples ${manifest.title} ships; allowed range 1–${testPool.labels.length}`,
    );
  }
  const rng = createRng(deriveSeed(config.seed, `${name}-pool`));
  const order = shuffleInPlace(
    Array.from({ length: pool.labels.length }, (_, i) => i),
    rng,
  );
  const trainIdx = takeWithClassQuota(order, pool.labels, config.trainSize, classWeights(manifest.numClasses, config.classImbalance));
  const used = new Set(trainIdx);
  const heldOutIdx = order.filter((i) => !used.has(i)).slice(0, config.heldOutSize);
  const testIdx = Array.from({ length: config.testSize }, (_, i) => i);

  const pixels = LAB_IMAGE_SIZE * LAB_IMAGE_SIZE;
  const corruption = { ...config, numClasses: manifest.numClasses };
  const train = toSplit(pool, trainIdx);
  corruptSplit(train, corruption, pixels, createRng(deriveSeed(config.seed, 'train-corruption')));
  const heldOut = toSplit(pool, heldOutIdx);
  if (config.corruptHeldOut) corruptSplit(heldOut, corruption, pixels, createRng(deriveSeed(config.seed, 'held-out-corruption')));
  return {
    name,
    title: manifest.title,
    imageSize: LAB_IMAGE_SIZE,
    channels: 1,
    numClasses: manifest.numClasses,
    classNames: manifest.classNames,
    train,
    heldOut,
    test: toSplit(testPool, testIdx),
  };
}

interface RawSplit {
  images: Uint8Array;
  labels: Uint8Array;
}

async function readSplit(name: string, manifest: BinaryDatasetManifest, split: 'train' | 'test', read: ReadBytes): Promise<RawSplit> {
  const entry = manifest.splits[split];
  const [images, labels] = await Promise.all([read(entry.images), read(entry.labels)]);
  if (labels.length !== entry.count || images.length !== entry.count * 28 * 28) {
    throw new Error(
      `${name}: ${split} files are damaged (expected ${entry.count} labels and ${entry.count * 784} pixels, got ${labels.length} and ${images.length}); rebuild with npm run datasets -- --force`,
    );
  }
  return { images, labels };
}

/** Walks `order` and keeps examples while their class is under its quota (for class imbalance). */
export function takeWithClassQuota(order: number[], labels: Uint8Array, count: number, weights: number[]): number[] {
  const quota = weights.map((w) => Math.round(w * count));
  const taken: number[] = [];
  for (const i of order) {
    const c = labels[i] as number;
    if ((quota[c] as number) > 0) {
      quota[c] = (quota[c] as number) - 1;
      taken.push(i);
      if (taken.length === count) return taken;
    }
  }
  // Rounding or a short class left a gap: fill it from whatever remains.
  const chosen = new Set(taken);
  for (const i of order) {
    if (taken.length === count) break;
    if (!chosen.has(i)) taken.push(i);
  }
  return taken;
}

// Normalisation constants of 28×28 MNIST-style pixels in [0, 1].
const PIXEL_MEAN = 0.13;
const PIXEL_STD = 0.3;

/** 28×28 uint8 → 2×2 average pool → 14×14 → centred in 16×16 (labImage) → standardised float32. */
function toSplit(raw: RawSplit, indices: number[]): Split {
  const split = emptySplit(indices.length, LAB_PIXELS);
  const layout = labFrameLayout(28, 28);
  const frame = new Float32Array(LAB_PIXELS);
  indices.forEach((source, n) => {
    const label = raw.labels[source] as number;
    split.labels[n] = label;
    split.trueLabels[n] = label;
    writeLabFrame(layout, 28, raw.images, source * 784, 1 / 255, frame);
    for (let p = 0; p < LAB_PIXELS; p++) split.images[n * LAB_PIXELS + p] = ((frame[p] as number) - PIXEL_MEAN) / PIXEL_STD;
  });
  return split;
}
