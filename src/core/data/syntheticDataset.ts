import type { ExperimentConfig } from '../config/experimentConfig';
import { createRng, deriveSeed } from '../random/rng';
import { classWeights, drawClassLabels } from './classBalance';
import { corruptSplit } from './corruption';
import { emptySplit, type Dataset, type Split } from './dataset';
import { classNoise, classTemplates, renderExample, type SyntheticImageOptions } from './syntheticImages';
import type { GeneratedDataConfig } from './dataConfig';

export const SYNTHETIC_IMAGE_SIZE = 16;
export const SYNTHETIC_CLASSES = 10;

type DataConfig = GeneratedDataConfig & Pick<ExperimentConfig, 'hardClassStyle'>;

/**
 * The classes the generator makes hard: with `fine-detail`, the upper half (they share one coarse
 * shape and differ only in a few small dots, see fineDetailTemplates); otherwise the classes rendered
 * with more pixel noise than the others (the upper half when hardPixelNoise > pixelNoise, the lower
 * half if it is the other way round; none when the two are equal).
 */
export function syntheticHardClasses(options: SyntheticImageOptions): number[] {
  const classes = Array.from({ length: options.numClasses }, (_, c) => c);
  if (options.hardClassStyle === 'fine-detail') return classes.filter((c) => c >= Math.ceil(options.numClasses / 2));
  const least = Math.min(options.pixelNoise, options.hardPixelNoise);
  return classes.filter((c) => classNoise(options, c) > least);
}

/** The default dataset: procedural 16×16 grey images, 10 classes, deterministic from the seed. */
export function buildSyntheticDataset(config: DataConfig): Dataset {
  const options: SyntheticImageOptions = {
    imageSize: SYNTHETIC_IMAGE_SIZE,
    numClasses: SYNTHETIC_CLASSES,
    pixelNoise: config.pixelNoise,
    hardPixelNoise: config.hardPixelNoise,
    hardClassStyle: config.hardClassStyle,
    seed: config.seed,
  };
  const templates = classTemplates(options.imageSize, options.numClasses, config.seed, config.hardClassStyle);
  const pixels = options.imageSize * options.imageSize;
  const render = (count: number, purpose: string, imbalance: number): Split => {
    const rng = createRng(deriveSeed(config.seed, purpose));
    const split = emptySplit(count, pixels);
    split.labels.set(drawClassLabels(count, classWeights(options.numClasses, imbalance), rng));
    split.trueLabels.set(split.labels);
    for (let i = 0; i < count; i++) renderExample(templates, split.labels[i] as number, options, rng, split.images, i * pixels);
    return split;
  };
  const corruption = { ...config, numClasses: options.numClasses };
  const train = render(config.trainSize, 'train', config.classImbalance);
  corruptSplit(train, corruption, pixels, createRng(deriveSeed(config.seed, 'train-corruption')));
  const heldOut = render(config.heldOutSize, 'held-out', config.classImbalance);
  if (config.corruptHeldOut) corruptSplit(heldOut, corruption, pixels, createRng(deriveSeed(config.seed, 'held-out-corruption')));
  const test = render(config.testSize, 'test', 1);
  const hardClasses = syntheticHardClasses(options);
  return {
    name: 'synthetic',
    title: 'Synthetic templates',
    imageSize: options.imageSize,
    channels: 1,
    numClasses: options.numClasses,
    classNames: Array.from(
      { length: options.numClasses },
      (_, c) => `class ${c}${hardClasses.length === 0 ? '' : hardClasses.includes(c) ? ' (hard)' : ' (easy)'}`,
    ),
    hardClasses,
    train,
    heldOut,
    test,
  };
}
