import type { CaptionTable } from './shapeCaptions';
import type { UploadedDatasetInfo } from './upload/labImageSet';

/** Why an example is corrupted (0 = clean). The inspector colours picks by this. */
export const CorruptionCode = { clean: 0, labelNoise: 1, duplicate: 2, unlearnable: 3 } as const;

/** One split in memory: images are float32 [N, H·W·C] row-major, normalised to ~zero mean, unit std. */
export interface Split {
  count: number;
  images: Float32Array;
  /** Label as seen by training (possibly noisy). */
  labels: Int32Array;
  /** Label before corruption (the truth). */
  trueLabels: Int32Array;
  /** CorruptionCode per example; nonzero = corrupted. */
  corruption: Uint8Array;
}

export interface Dataset {
  name: string;
  title: string;
  imageSize: number;
  channels: number;
  numClasses: number;
  classNames: string[];
  /** Classes made hard by construction (synthetic: the upper half when its pixel noise is higher); absent or empty: none. */
  hardClasses?: number[];
  train: Split;
  heldOut: Split;
  test: Split;
  /** Set for an uploaded dataset: what it was (a result records it, since a link cannot carry it). */
  upload?: UploadedDatasetInfo;
  /**
   * Present for paired image–caption data: labels are caption ids and this table holds each
   * caption's tokens. Its presence selects the contrastive (CLIP-style) task.
   */
  captions?: CaptionTable;
}

export function pixelsPerImage(d: Pick<Dataset, 'imageSize' | 'channels'>): number {
  return d.imageSize * d.imageSize * d.channels;
}

export function corruptedFraction(split: Split): number {
  let n = 0;
  for (const code of split.corruption) if (code !== CorruptionCode.clean) n++;
  return split.count === 0 ? 0 : n / split.count;
}

export function emptySplit(count: number, pixels: number): Split {
  return {
    count,
    images: new Float32Array(count * pixels),
    labels: new Int32Array(count),
    trueLabels: new Int32Array(count),
    corruption: new Uint8Array(count),
  };
}
