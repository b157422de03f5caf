import { LAB_PIXELS, labFrameLayout, writeLabFrame, type LabFrameLayout } from '../labImage';
import { contentHash } from './contentHash';
import { DatasetFileError, MIN_SPLIT_SIZES, type UploadLimits } from './uploadLimits';

/** What a saved result records about the uploaded dataset it trained on (a link cannot carry the data). */
export interface UploadedDatasetInfo {
  /** The uploaded CSV's or folder's name. */
  fileName: string;
  source: 'csv' | 'images';
  examples: number;
  classNames: string[];
  /** Examples per class, by label. */
  classCounts: number[];
  /** Image size as uploaded, before fitting to 16×16. */
  width: number;
  height: number;
  /** Bytes uploaded: the CSV's size or the image files' total. */
  bytes: number;
  /** contentHash of the converted examples (class names, labels, 16×16 pixels). */
  contentHash: string;
}

/** An uploaded dataset, converted: every example as a 16×16 grey lab frame. */
export interface LabImageSet {
  info: UploadedDatasetInfo;
  /** [N] class index. */
  labels: Uint8Array;
  /** [N, 16·16] grey 0–255: content fitted into 14×14, centred in the 16×16 frame. */
  pixels: Uint8Array;
}

export interface LabImageSetMeta {
  fileName: string;
  source: 'csv' | 'images';
  bytes: number;
  classNames: string[];
  /** How messages name class c: `label 3` (CSV) or `class "cat"` (folders). */
  describeClass: (c: number) => string;
  /** What one example is called in messages: "examples", "images". */
  noun: string;
}

/** Collects examples of one source size, converting each to a lab frame as it arrives. */
export class LabImageSetBuilder {
  private readonly layout: LabFrameLayout;
  private readonly frame = new Float32Array(LAB_PIXELS);
  private readonly labels: Uint8Array;
  private readonly pixels: Uint8Array;
  private count = 0;
  /** Smallest and largest source intensity seen (a set without contrast has nothing to learn). */
  private low = Number.POSITIVE_INFINITY;
  private high = Number.NEGATIVE_INFINITY;

  constructor(
    readonly width: number,
    readonly height: number,
    capacity: number,
  ) {
    this.layout = labFrameLayout(width, height);
    this.labels = new Uint8Array(capacity);
    this.pixels = new Uint8Array(capacity * LAB_PIXELS);
  }

  /** One grey image at source[offset…] (row-major); values × scale are intensities in [0, 1]. */
  add(label: number, source: ArrayLike<number>, offset: number, scale: number): void {
    for (let i = offset; i < offset + this.width * this.height; i++) {
      const v = (source[i] as number) * scale;
      if (v < this.low) this.low = v;
      if (v > this.high) this.high = v;
    }
    writeLabFrame(this.layout, this.width, source, offset, scale, this.frame);
    const base = this.count * LAB_PIXELS;
    for (let p = 0; p < LAB_PIXELS; p++) this.pixels[base + p] = Math.round(255 * Math.min(1, Math.max(0, this.frame[p] as number)));
    this.labels[this.count++] = label;
  }

  /** Checks what the whole set must satisfy (examples per class and in all, some contrast) and seals it. */
  finish(meta: LabImageSetMeta, limits: UploadLimits): LabImageSet {
    const { count } = this;
    const K = meta.classNames.length;
    const labels = this.labels.slice(0, count);
    const pixels = this.pixels.slice(0, count * LAB_PIXELS);
    const classCounts = new Array<number>(K).fill(0);
    for (const label of labels) classCounts[label] = (classCounts[label] as number) + 1;
    const splits = 'so that it appears in the train, held-out and test splits';
    classCounts.forEach((n, c) => {
      if (n < limits.minPerClass) {
        throw new DatasetFileError(
          `class ${meta.classNames[c]}`,
          `${meta.fileName}: ${meta.describeClass(c)} has ${n} ${meta.noun}; each class needs at least ${limits.minPerClass} ${splits}`,
        );
      }
    });
    if (count < limits.minExamples) {
      throw new DatasetFileError(
        'file',
        `${meta.fileName}: ${count} ${meta.noun} are too few; the lab needs at least ${limits.minExamples} (the smallest trainSize, ${MIN_SPLIT_SIZES.trainSize}, plus the smallest testSize, ${MIN_SPLIT_SIZES.testSize})`,
      );
    }
    if (!(this.high > this.low)) {
      throw new DatasetFileError(
        'pixels',
        `${meta.fileName}: every pixel of every image has the same value (${Math.round(255 * this.low)} of 255); there is nothing to learn`,
      );
    }
    const names = new TextEncoder().encode(JSON.stringify(meta.classNames));
    return {
      info: {
        fileName: meta.fileName,
        source: meta.source,
        examples: count,
        classNames: meta.classNames,
        classCounts,
        width: this.width,
        height: this.height,
        bytes: meta.bytes,
        contentHash: contentHash(names, labels, pixels),
      },
      labels,
      pixels,
    };
  }
}
