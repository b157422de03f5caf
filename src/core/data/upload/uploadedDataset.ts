import type { ExperimentConfig } from '../../config/experimentConfig';
import type { ConfigError } from '../../config/validateConfig';
import { createRng, deriveSeed, shuffleInPlace } from '../../random/rng';
import { takeWithClassQuota } from '../binaryDataset';
import { classWeights } from '../classBalance';
import { corruptSplit } from '../corruption';
import { emptySplit, type Dataset, type Split } from '../dataset';
import { LAB_IMAGE_SIZE, LAB_PIXELS } from '../labImage';
import type { LabImageSet } from './labImageSet';
import { DatasetFileError, splitSizeRange } from './uploadLimits';
import type { DataConfig } from '../dataConfig';

type Sizes = Pick<ExperimentConfig, 'trainSize' | 'heldOutSize' | 'testSize'>;

/** Problems of these split sizes for an upload of `examples` (empty when they fit), named by field. */
export function uploadSizeErrors(sizes: Sizes, examples: number, fileName: string): ConfigError[] {
  const total = sizes.trainSize + sizes.heldOutSize + sizes.testSize;
  if (total <= examples) return [];
  const fit = fitSizesToUpload(sizes, examples);
  return [
    {
      field: 'trainSize',
      message: `trainSize + heldOutSize + testSize = ${total} exceeds the ${examples} examples in ${fileName}; allowed total ≤ ${examples} (e.g. trainSize ${fit.trainSize}, heldOutSize ${fit.heldOutSize}, testSize ${fit.testSize})`,
    },
  ];
}

/**
 * Split sizes for an upload: the given ones when they fit, else about 60 / 20 / 20 % of the examples
 * within each size's allowed range (every upload the parser accepts has room for the minima).
 */
export function fitSizesToUpload(sizes: Sizes, examples: number): Sizes {
  const { trainSize, heldOutSize, testSize } = sizes;
  if (trainSize + heldOutSize + testSize <= examples) return { trainSize, heldOutSize, testSize };
  const [train, heldOut, test] = (['trainSize', 'heldOutSize', 'testSize'] as const).map(splitSizeRange) as [Range, Range, Range];
  const fitTest = Math.min(test.max, Math.max(test.min, Math.round(0.2 * examples)));
  const fitHeldOut = Math.max(heldOut.min, Math.min(heldOut.max, Math.round(0.2 * examples), examples - fitTest - train.min));
  return { trainSize: Math.min(train.max, examples - fitTest - fitHeldOut), heldOutSize: fitHeldOut, testSize: fitTest };
}

type Range = { min: number; max: number };

/**
 * An uploaded image set as a lab Dataset: a stratified train / held-out / test split drawn from the
 * seed (each split keeps the upload's class mix; train follows classImbalance on top), pixels
 * standardised by the mean and std of the training split alone (the test and held-out pixels must not
 * leak into the model's input scaling), and the same corruption knobs as every dataset (train always,
 * held-out when corruptHeldOut, test never).
 */
export function buildUploadedDataset(set: LabImageSet, config: DataConfig): Dataset {
  const { info } = set;
  const [sizeError] = uploadSizeErrors(config, info.examples, info.fileName);
  if (sizeError) throw new DatasetFileError(sizeError.field, sizeError.message);
  const K = info.classNames.length;
  const frequency = info.classCounts.map((n) => n / info.examples);
  const imbalance = classWeights(K, config.classImbalance);
  const trainWeights = normalise(frequency.map((f, c) => f * (imbalance[c] as number)));

  const rng = createRng(deriveSeed(config.seed, `custom-${info.contentHash}`));
  let pool = shuffleInPlace(
    Array.from({ length: info.examples }, (_, i) => i),
    rng,
  );
  const take = (count: number, weights: number[]) => {
    const taken = takeWithClassQuota(pool, set.labels, count, weights);
    const used = new Set(taken);
    pool = pool.filter((i) => !used.has(i));
    return taken;
  };
  const testIdx = take(config.testSize, frequency);
  const heldOutIdx = take(config.heldOutSize, frequency);
  const trainIdx = take(config.trainSize, trainWeights);

  const { mean, std } = pixelStats(set.pixels, trainIdx);
  const toSplit = (indices: number[]): Split => {
    const split = emptySplit(indices.length, LAB_PIXELS);
    indices.forEach((source, n) => {
      split.labels[n] = set.labels[source] as number;
      split.trueLabels[n] = set.labels[source] as number;
      for (let p = 0; p < LAB_PIXELS; p++)
        split.images[n * LAB_PIXELS + p] = ((set.pixels[source * LAB_PIXELS + p] as number) / 255 - mean) / std;
    });
    return split;
  };
  const corruption = { ...config, numClasses: K };
  const train = toSplit(trainIdx);
  corruptSplit(train, corruption, LAB_PIXELS, createRng(deriveSeed(config.seed, 'train-corruption')));
  const heldOut = toSplit(heldOutIdx);
  if (config.corruptHeldOut) corruptSplit(heldOut, corruption, LAB_PIXELS, createRng(deriveSeed(config.seed, 'held-out-corruption')));
  return {
    name: 'custom',
    title: info.fileName,
    imageSize: LAB_IMAGE_SIZE,
    channels: 1,
    numClasses: K,
    classNames: [...info.classNames],
    train,
    heldOut,
    test: toSplit(testIdx),
    upload: info,
  };
}

function normalise(weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/**
 * Mean and std of the pixels of the examples `indices` as intensities in [0, 1] (std floored so a flat
 * set cannot divide by 0).
 */
function pixelStats(pixels: Uint8Array, indices: number[]): { mean: number; std: number } {
  let sum = 0;
  let sumSq = 0;
  for (const source of indices) {
    for (let p = source * LAB_PIXELS; p < (source + 1) * LAB_PIXELS; p++) {
      const v = (pixels[p] as number) / 255;
      sum += v;
      sumSq += v * v;
    }
  }
  const count = indices.length * LAB_PIXELS;
  const mean = sum / count;
  return { mean, std: Math.max(1e-3, Math.sqrt(Math.max(0, sumSq / count - mean * mean))) };
}
