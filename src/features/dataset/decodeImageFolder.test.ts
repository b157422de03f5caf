import { afterEach, describe, expect, it, vi } from 'vitest';
import { headers } from '../../core/data/upload/testImageHeaders';
import { UPLOAD_LIMITS } from '../../core/data/upload/uploadLimits';
import { decodeImages } from './decodeImageFolder';

/** A File as a folder picker gives it (webkitRelativePath set). */
function pickedFile(path: string, bytes: Uint8Array<ArrayBuffer>): File {
  const file = new File([bytes], path.split('/').at(-1) as string);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

afterEach(() => vi.unstubAllGlobals());

describe('decodeImages', () => {
  it('refuses a 20000×20000 PNG from its header without decoding anything', async () => {
    const decode = vi.fn(() => Promise.reject(new Error('must not decode')));
    vi.stubGlobal('createImageBitmap', decode);
    const files = [pickedFile('pets/cat/1.png', headers.png(28, 28)), pickedFile('pets/cat/huge.png', headers.png(20000, 20000))];
    await expect(decodeImages('pets', files)).rejects.toThrow(
      `pets: pets/cat/huge.png is 20000×20000; image sides must be from 1 to ${UPLOAD_LIMITS.maxSide} pixels`,
    );
    expect(decode).not.toHaveBeenCalled();
  });

  it('refuses a folder of small files that would decode past maxTotalPixels without decoding anything', async () => {
    const decode = vi.fn(() => Promise.reject(new Error('must not decode')));
    vi.stubGlobal('createImageBitmap', decode);
    const side = UPLOAD_LIMITS.maxSide;
    const count = Math.floor(UPLOAD_LIMITS.maxTotalPixels / (side * side)) + 1;
    const png = headers.png(side, side);
    const files = Array.from({ length: count }, (_, i) => pickedFile(`big/c${i % 2}/${i}.png`, png));
    await expect(decodeImages('big', files)).rejects.toThrow(
      `the most a folder may decode to is ${UPLOAD_LIMITS.maxTotalPixels.toLocaleString('en-US')} pixels (maxTotalPixels)`,
    );
    expect(decode).not.toHaveBeenCalled();
  });
});
