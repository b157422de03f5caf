import { createRng, deriveSeed } from '../random/rng';
import { classWeights, drawClassLabels } from './classBalance';
import { corruptSplit } from './corruption';
import { emptySplit, type Dataset, type Split } from './dataset';
import { CAPTION_COUNT, captionText, shapeCaptionTable } from './shapeCaptions';
import { renderShape, SHAPE_IMAGE_SIZE } from './shapeImages';
import type { GeneratedDataConfig } from './dataConfig';

/**
 * Paired image–caption data (ActiveCLIP at toy scale), deterministic from the seed. Each example's
 * label is its caption id; `captions` holds the tokens the text tower reads. The corruption knobs
 * carry over: label noise = a mismatched caption (the web-noise analogue), duplicates = copied pairs,
 * unlearnable = a pure-noise image with a random caption. The test split stays clean; every caption
 * doubles as a zero-shot class prompt.
 */
export function buildCaptionedShapesDataset(config: GeneratedDataConfig): Dataset {
  const pixels = SHAPE_IMAGE_SIZE * SHAPE_IMAGE_SIZE;
  const noise = { pixelNoise: config.pixelNoise, hardPixelNoise: config.hardPixelNoise };
  const render = (count: number, purpose: string, imbalance: number): Split => {
    const rng = createRng(deriveSeed(config.seed, `captioned-shapes-${purpose}`));
    const split = emptySplit(count, pixels);
    split.labels.set(drawClassLabels(count, classWeights(CAPTION_COUNT, imbalance), rng));
    split.trueLabels.set(split.labels);
    for (let i = 0; i < count; i++) renderShape(split.labels[i] as number, noise, rng, split.images, i * pixels);
    return split;
  };
  const corruption = { ...config, numClasses: CAPTION_COUNT };
  const train = render(config.trainSize, 'train', config.classImbalance);
  corruptSplit(train, corruption, pixels, createRng(deriveSeed(config.seed, 'captioned-shapes-train-corruption')));
  const heldOut = render(config.heldOutSize, 'held-out', config.classImbalance);
  if (config.corruptHeldOut)
    corruptSplit(heldOut, corruption, pixels, createRng(deriveSeed(config.seed, 'captioned-shapes-held-out-corruption')));
  return {
    name: 'captioned-shapes',
    title: 'Captioned shapes (image–text pairs)',
    imageSize: SHAPE_IMAGE_SIZE,
    channels: 1,
    numClasses: CAPTION_COUNT,
    classNames: Array.from({ length: CAPTION_COUNT }, (_, c) => captionText(c)),
    train,
    heldOut,
    test: render(config.testSize, 'test', 1),
    captions: shapeCaptionTable(),
  };
}
