import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetFileReader } from '../src/core/data/datasetRegistry';

const DATASETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'datasets');

/** Reads bundled dataset binaries from public/datasets (built by `npm run datasets`). */
export const readDatasetFile: DatasetFileReader = async (dataset, file) => {
  const path = join(DATASETS_DIR, dataset, file);
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new Error(`dataset file ${path} is missing; build the bundled datasets with: npm run datasets`);
  }
};
