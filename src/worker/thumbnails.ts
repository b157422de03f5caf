import type { Dataset } from '../core/data/dataset';
import type { SelectionSample } from '../core/experiment/events';

/** A selection sample with what the inspector draws: 8-bit pixels, labels and corruption per example. */
export interface SelectionSampleWithPixels extends SelectionSample {
  imageSize: number;
  /** One base64 string of imageSize² greyscale bytes per super-batch example. */
  thumbnails: string[];
  labels: number[];
  trueLabels: number[];
  corruption: number[];
  /** Image–caption data: the caption text of each label id (labels are caption ids). */
  captionTexts?: string[];
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Attaches 8-bit thumbnails (pixels standardised → clamped to ±2.5σ) of the super-batch. */
export function withThumbnails(sample: SelectionSample, dataset: Dataset): SelectionSampleWithPixels {
  const px = dataset.imageSize * dataset.imageSize * dataset.channels;
  const { train } = dataset;
  return {
    ...sample,
    imageSize: dataset.imageSize,
    thumbnails: sample.superBatch.map((i) => {
      const bytes = new Uint8Array(px);
      for (let p = 0; p < px; p++) bytes[p] = Math.round(255 * Math.min(1, Math.max(0, ((train.images[i * px + p] as number) + 2.5) / 5)));
      return toBase64(bytes);
    }),
    labels: sample.superBatch.map((i) => train.labels[i] as number),
    trueLabels: sample.superBatch.map((i) => train.trueLabels[i] as number),
    corruption: sample.superBatch.map((i) => train.corruption[i] as number),
    ...(dataset.captions ? { captionTexts: dataset.classNames } : {}),
  };
}
