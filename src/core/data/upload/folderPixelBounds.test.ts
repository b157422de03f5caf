import { describe, expect, it } from 'vitest';
import { checkFolderHeaders, type HeaderEntry } from './folderPixelBounds';
import { readImageHeader } from './imageHeader';
import { imageSetFromFolder, type DecodedImage } from './imageFolderSet';
import { headers } from './testImageHeaders';
import { DatasetFileError, UPLOAD_LIMITS } from './uploadLimits';

const entry = (path: string, data: Uint8Array): HeaderEntry => ({ path, header: readImageHeader(data) });

function refusal(run: () => void): DatasetFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof DatasetFileError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkFolderHeaders (bounds before decoding)', () => {
  it('accepts a folder within every limit', () => {
    expect(() =>
      checkFolderHeaders('pets', [entry('pets/cat/1.png', headers.png(28, 28)), entry('pets/dog/1.jpg', headers.jpeg(28, 28))]),
    ).not.toThrow();
  });

  it('refuses one 20000×20000 PNG by its header, naming the file and the side limit', () => {
    const error = refusal(() =>
      checkFolderHeaders('pets', [entry('pets/cat/1.png', headers.png(28, 28)), entry('pets/cat/huge.png', headers.png(20000, 20000))]),
    );
    expect(error.where).toBe('pets/cat/huge.png');
    expect(error.message).toBe(`pets: pets/cat/huge.png is 20000×20000; image sides must be from 1 to ${UPLOAD_LIMITS.maxSide} pixels`);
  });

  it('refuses a file with no readable image header', () => {
    const error = refusal(() => checkFolderHeaders('pets', [entry('pets/cat/1.png', new TextEncoder().encode('<svg/>'))]));
    expect(error.message).toBe(
      'pets: pets/cat/1.png is not a PNG, JPEG, GIF, BMP or WebP image (its header could not be read); allowed formats: .png, .jpg, .jpeg, .gif, .bmp, .webp',
    );
  });

  it('refuses many small-file images whose pixels add up past maxTotalPixels, naming the limit', () => {
    // 62k headers of 512×512: ~20 MB of PNG files that would decode to ~61 GB as RGBA.
    const side = UPLOAD_LIMITS.maxSide;
    const perImage = side * side;
    const fits = Math.floor(UPLOAD_LIMITS.maxTotalPixels / perImage);
    const png = headers.png(side, side);
    const make = (n: number) => Array.from({ length: n }, (_, i) => entry(`big/c${i % 2}/${i}.png`, png));
    expect(() => checkFolderHeaders('big', make(fits))).not.toThrow();
    const error = refusal(() => checkFolderHeaders('big', make(62_000)));
    expect(error.message).toBe(
      `big: the 62,000 images hold ${(62_000 * perImage).toLocaleString('en-US')} pixels in all; the most a folder may decode to is ${UPLOAD_LIMITS.maxTotalPixels.toLocaleString('en-US')} pixels (maxTotalPixels); use fewer or smaller images`,
    );
    expect(refusal(() => checkFolderHeaders('big', make(fits + 1))).where).toBe('folder');
  });

  it('the limit holds the smallest dataset at the largest side', () => {
    expect(UPLOAD_LIMITS.minExamples * UPLOAD_LIMITS.maxSide ** 2).toBeLessThanOrEqual(UPLOAD_LIMITS.maxTotalPixels);
  });

  it('imageSetFromFolder checks the same total on decoded images', () => {
    const images: DecodedImage[] = Array.from({ length: 4 }, (_, i) => ({
      path: `p/c${i % 2}/${i}.png`,
      width: 4,
      height: 4,
      data: new Uint8Array(16),
      bytes: 10,
    }));
    const error = refusal(() => imageSetFromFolder('p', images, { ...UPLOAD_LIMITS, maxTotalPixels: 63 }));
    expect(error.message).toBe(
      'p: the 4 images hold 64 pixels in all; the most a folder may decode to is 63 pixels (maxTotalPixels); use fewer or smaller images',
    );
  });
});
