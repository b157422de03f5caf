import { CONFIG_SCHEMA } from '../../config/configSchema';

/** The allowed range of a split size (CONFIG_SCHEMA). */
export function splitSizeRange(key: 'trainSize' | 'heldOutSize' | 'testSize'): { min: number; max: number } {
  const spec = CONFIG_SCHEMA[key];
  return spec.kind === 'int' ? { min: spec.min, max: spec.max } : { min: 0, max: Number.MAX_SAFE_INTEGER };
}

/** The smallest splits the config allows. */
export const MIN_SPLIT_SIZES = { trainSize: splitSizeRange('trainSize').min, testSize: splitSizeRange('testSize').min } as const;

/**
 * What a bring-your-own dataset (a CSV of label + pixels, or a folder of class-named image folders)
 * may be. Every check in this folder reads its bound from here, and every message quotes it.
 */
export const UPLOAD_LIMITS = {
  /** Largest CSV file, or largest total of an image folder: 20 MiB (about 10,000 28×28 images as CSV text). */
  maxBytes: 20 * 1024 * 1024,
  /** The model head is sized from the dataset; 2–10 classes, as in the bundled datasets. */
  minClasses: 2,
  maxClasses: 10,
  /** Each class must reach the train, held-out and test splits, stratified. */
  minPerClass: 10,
  /** The smallest run the config allows: trainSize ≥ its minimum plus testSize ≥ its minimum. */
  minExamples: MIN_SPLIT_SIZES.trainSize + MIN_SPLIT_SIZES.testSize,
  /** Largest image side in pixels (images are resampled to 16×16 anyway). */
  maxSide: 512,
  /**
   * Largest total of decoded pixels in an image folder, read from the image headers before anything is
   * decoded: 96 Mi pixels (≈ 400 MB as RGBA). It holds the smallest dataset (minExamples images) at the
   * largest side (512×512), or 60,000 images of 28×28; a folder of many small files that would decode
   * to gigabytes is refused first.
   */
  maxTotalPixels: 96 * 1024 * 1024,
  /**
   * Longest an uploaded CSV may take to parse (in the app's upload worker) before it is stopped: a
   * 14 MB MNIST CSV takes under 2 s, so 30 s only stops a file that would never finish.
   */
  parseTimeoutMs: 30_000,
} as const;

export type UploadLimits = { -readonly [K in keyof typeof UPLOAD_LIMITS]: number };

/**
 * The one error an upload can fail with. `where` names the place (the file, "line 7, column 3",
 * "class cat"); the message names it too, with the value found and what is allowed.
 */
export class DatasetFileError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
    this.name = 'DatasetFileError';
  }
}

/** "20 MB" / "1.4 MB" / "812 kB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/** The message shown when parsing a CSV ran past `limits.parseTimeoutMs` and was stopped. */
export function parseTimeoutMessage(name: string, timeoutMs: number): string {
  return `${name}: reading took longer than ${timeoutMs / 1000} s and was stopped; check that the file is a CSV with one row per image (label,p0,p1,…) and short numeric cells, or upload a smaller file`;
}

/** `advice`: what to do about it, e.g. "use fewer rows". */
export function checkByteSize(name: string, bytes: number, limits: UploadLimits, advice: string): void {
  if (bytes > limits.maxBytes) {
    const [size, limit] =
      formatBytes(bytes) === formatBytes(limits.maxBytes)
        ? [`${bytes} bytes`, `${formatBytes(limits.maxBytes)} (${limits.maxBytes} bytes)`]
        : [formatBytes(bytes), formatBytes(limits.maxBytes)];
    throw new DatasetFileError('file', `${name}: ${size} is too large; the largest upload allowed is ${limit}; ${advice}`);
  }
}
