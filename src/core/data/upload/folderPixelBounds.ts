import type { ImageHeader } from './imageHeader';
import { DatasetFileError, UPLOAD_LIMITS, type UploadLimits } from './uploadLimits';

/** One file of a folder upload with the header read from its bytes (null: no readable image header). */
export interface HeaderEntry {
  path: string;
  header: ImageHeader | null;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Refuses a folder whose images would decode to more than `limits.maxTotalPixels` pixels in all. */
export function checkTotalPixels(folderName: string, totalPixels: number, images: number, limits: UploadLimits = UPLOAD_LIMITS): void {
  if (totalPixels > limits.maxTotalPixels) {
    throw new DatasetFileError(
      'folder',
      `${folderName}: the ${count(images)} images hold ${count(totalPixels)} pixels in all; the most a folder may decode to is ${count(limits.maxTotalPixels)} pixels (maxTotalPixels); use fewer or smaller images`,
    );
  }
}

/**
 * Bounds a folder upload by its image headers, before anything is decoded: every file must have a
 * PNG, JPEG, GIF, BMP or WebP header, every side must be within `limits.maxSide`, and the pixels of
 * all images together within `limits.maxTotalPixels`. Throws DatasetFileError naming the file or the
 * limit. (A 20000×20000 PNG is a 389 kB file that decodes to 1.6 GB; the header says so in 24 bytes.)
 */
export function checkFolderHeaders(folderName: string, entries: readonly HeaderEntry[], limits: UploadLimits = UPLOAD_LIMITS): void {
  let total = 0;
  for (const { path, header } of entries) {
    if (header === null) {
      throw new DatasetFileError(
        path,
        `${folderName}: ${path} is not a PNG, JPEG, GIF, BMP or WebP image (its header could not be read); allowed formats: .png, .jpg, .jpeg, .gif, .bmp, .webp`,
      );
    }
    const { width, height } = header;
    if (width < 1 || height < 1 || width > limits.maxSide || height > limits.maxSide) {
      throw new DatasetFileError(
        path,
        `${folderName}: ${path} is ${width}×${height}; image sides must be from 1 to ${limits.maxSide} pixels`,
      );
    }
    total += width * height;
  }
  checkTotalPixels(folderName, total, entries.length, limits);
}
