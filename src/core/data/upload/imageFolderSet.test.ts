import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/rng';
import { classFolderOf, imageSetFromFolder, type DecodedImage } from './imageFolderSet';
import { DatasetFileError, UPLOAD_LIMITS } from './uploadLimits';

/** `perClass` images per class folder; RGBA unless grey; class c is brighter in its own row band. */
function folder(classes: string[], perClass: number, { width = 8, height = 8, grey = false } = {}): DecodedImage[] {
  const rng = createRng(3);
  return classes.flatMap((name, c) =>
    Array.from({ length: perClass }, (_, i) => {
      const grey8 = Array.from({ length: width * height }, (_, p) => (Math.floor(p / width) % classes.length === c ? 200 : rng.int(50)));
      const data = grey ? grey8 : grey8.flatMap((v) => [v, v, v, 255]);
      return { path: `pets/${name}/${i}.png`, width, height, data, bytes: 100 };
    }),
  );
}

function rejection(images: DecodedImage[]): DatasetFileError {
  try {
    imageSetFromFolder('pets', images);
  } catch (error) {
    if (error instanceof DatasetFileError) return error;
    throw error;
  }
  throw new Error('expected the folder to be rejected');
}

describe('imageSetFromFolder', () => {
  it('classes are the subfolders in natural order; RGBA and grey give the same images', () => {
    const set = imageSetFromFolder('pets', folder(['10', '2', 'cat'], 130));
    expect(set.info).toMatchObject({
      fileName: 'pets',
      source: 'images',
      examples: 390,
      classNames: ['2', '10', 'cat'],
      classCounts: [130, 130, 130],
      width: 8,
      height: 8,
      bytes: 39_000,
    });
    expect(set.labels[0]).toBe(1); // the first image is in folder "10", class index 1
    expect(imageSetFromFolder('pets', folder(['10', '2', 'cat'], 130, { grey: true })).info.contentHash).toBe(set.info.contentHash);
    expect(classFolderOf('pets/cat/sub/1.png')).toBe('cat');
    expect(classFolderOf('pets/1.png')).toBeNull();
  });

  it('composites transparent pixels over black', () => {
    const images = folder(['a', 'b'], 200).map((im) => ({ ...im, data: Array.from(im.data as number[], (v, i) => (i % 4 === 3 ? 0 : v)) }));
    expect(rejection(images).message).toBe('pets: every pixel of every image has the same value (0 of 255); there is nothing to learn');
  });

  it.each([
    ['no images', [], 'pets: no images found; expected one subfolder per class holding .png, .jpg, .gif, .bmp or .webp files'],
    [
      'an image outside a class folder',
      [{ path: 'pets/x.png', width: 8, height: 8, data: new Uint8Array(64), bytes: 1 }],
      "pets: pets/x.png is not inside a class folder; put each class's images in its own subfolder (pets/cat/…, pets/dog/…)",
    ],
    ['one class folder', folder(['cat'], 400), 'pets: found 1 class folder (cat); a dataset needs 2 to 10 classes, one subfolder each'],
    [
      'eleven class folders',
      folder(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'], 40),
      'pets: found 11 class folders (a, b, c, d, e, f, g, h, i, j, k); a dataset needs 2 to 10 classes, one subfolder each',
    ],
    [
      'too few images in a class',
      [...folder(['cat'], 400), ...folder(['dog'], 3)],
      'pets: class "dog" has 3 images; each class needs at least 10 so that it appears in the train, held-out and test splits',
    ],
    [
      'too few images in all',
      folder(['cat', 'dog'], 100),
      'pets: 200 images are too few; the lab needs at least 356 (the smallest trainSize, 256, plus the smallest testSize, 100)',
    ],
  ])('rejects %s', (_, images, message) => {
    expect(rejection(images as DecodedImage[]).message).toBe(message);
  });

  it('rejects differing sizes, wrong pixel counts, oversize images and folders over 20 MB', () => {
    const images = folder(['cat', 'dog'], 200);
    images[250] = { ...folder(['dog'], 1, { width: 6, height: 7 })[0]!, path: 'pets/dog/odd.png' };
    expect(rejection(images).message).toBe('pets: pets/dog/odd.png is 6×7 but pets/cat/0.png is 8×8; every image must have the same size');
    const short = folder(['cat', 'dog'], 200);
    short[5] = { ...short[5]!, data: new Uint8Array(10) };
    expect(rejection(short).message).toBe('pets: pets/cat/5.png has 10 pixel values; a 8×8 image needs 64 (grey) or 256 (RGBA)');
    expect(rejection([{ path: 'pets/cat/big.png', width: 600, height: 10, data: [], bytes: 1 }]).message).toBe(
      'pets: pets/cat/big.png is 600×10; image sides must be from 1 to 512 pixels',
    );
    const heavy = folder(['cat', 'dog'], 200).map((im) => ({ ...im, bytes: UPLOAD_LIMITS.maxBytes / 100 }));
    expect(rejection(heavy).message).toBe('pets: 80 MB is too large; the largest upload allowed is 20 MB; use fewer or smaller images');
  });
});
