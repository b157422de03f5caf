import { checkTotalPixels } from './folderPixelBounds';
import { LabImageSetBuilder, type LabImageSet } from './labImageSet';
import { checkByteSize, DatasetFileError, UPLOAD_LIMITS, type UploadLimits } from './uploadLimits';

/** One image file, already decoded by the platform (the browser's createImageBitmap in the app). */
export interface DecodedImage {
  /** Path inside the upload, root folder first: "pets/cat/001.png". The folder under the root names the class. */
  path: string;
  width: number;
  height: number;
  /** Row-major 0–255, grey (width·height values) or RGBA (4·width·height). */
  data: ArrayLike<number>;
  /** Size of the encoded file. */
  bytes: number;
}

/** The class folder of an image: the first folder under the upload's root. */
export function classFolderOf(path: string): string | null {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length >= 3 ? (parts[1] as string) : null;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Turns a folder of class-named subfolders of images into a lab image set: classes are the
 * subfolders in natural order ("2" before "10"), colour is converted to luminance (transparent =
 * black), every image must have one size. Throws DatasetFileError naming the file, the value found
 * and what is allowed.
 */
export function imageSetFromFolder(folderName: string, images: readonly DecodedImage[], limits: UploadLimits = UPLOAD_LIMITS): LabImageSet {
  const fail = (where: string, message: string): never => {
    throw new DatasetFileError(where, `${folderName}: ${message}`);
  };
  if (images.length === 0)
    fail('folder', 'no images found; expected one subfolder per class holding .png, .jpg, .gif, .bmp or .webp files');
  checkByteSize(
    folderName,
    images.reduce((s, im) => s + im.bytes, 0),
    limits,
    'use fewer or smaller images',
  );
  checkTotalPixels(
    folderName,
    images.reduce((s, im) => s + im.width * im.height, 0),
    images.length,
    limits,
  );

  const first = images[0] as DecodedImage;
  const classes = new Map<string, number>();
  for (const image of images) {
    const folder = classFolderOf(image.path);
    if (folder === null)
      fail(
        image.path,
        `${image.path} is not inside a class folder; put each class's images in its own subfolder (${folderName}/cat/…, ${folderName}/dog/…)`,
      );
    classes.set(folder as string, (classes.get(folder as string) ?? 0) + 1);
    const { width, height } = image;
    if (
      !Number.isInteger(width) ||
      !Number.isInteger(height) ||
      width < 1 ||
      height < 1 ||
      width > limits.maxSide ||
      height > limits.maxSide
    ) {
      fail(image.path, `${image.path} is ${width}×${height}; image sides must be from 1 to ${limits.maxSide} pixels`);
    }
    if (width !== first.width || height !== first.height) {
      fail(
        image.path,
        `${image.path} is ${width}×${height} but ${first.path} is ${first.width}×${first.height}; every image must have the same size`,
      );
    }
    if (image.data.length !== width * height && image.data.length !== 4 * width * height) {
      fail(
        image.path,
        `${image.path} has ${image.data.length} pixel values; a ${width}×${height} image needs ${width * height} (grey) or ${4 * width * height} (RGBA)`,
      );
    }
  }
  const classNames = [...classes.keys()].sort(byName);
  if (classNames.length < limits.minClasses || classNames.length > limits.maxClasses) {
    const listed = classNames.length > 12 ? `${classNames.slice(0, 12).join(', ')}, …` : classNames.join(', ');
    fail(
      'classes',
      `found ${classNames.length} class ${classNames.length === 1 ? 'folder' : 'folders'} (${listed}); a dataset needs ${limits.minClasses} to ${limits.maxClasses} classes, one subfolder each`,
    );
  }

  const label = new Map(classNames.map((name, c) => [name, c]));
  const builder = new LabImageSetBuilder(first.width, first.height, images.length);
  const grey = new Float32Array(first.width * first.height);
  for (const image of images) {
    toGrey(image.data, grey);
    builder.add(label.get(classFolderOf(image.path) as string) as number, grey, 0, 1 / 255);
  }
  const totalBytes = images.reduce((s, im) => s + im.bytes, 0);
  return builder.finish(
    {
      fileName: folderName,
      source: 'images',
      bytes: totalBytes,
      classNames,
      describeClass: (c) => `class "${classNames[c]}"`,
      noun: 'images',
    },
    limits,
  );
}

/** Grey or RGBA → luminance 0–255 (alpha composited over black). */
function toGrey(data: ArrayLike<number>, out: Float32Array): void {
  if (data.length === out.length) {
    for (let i = 0; i < out.length; i++) out[i] = data[i] as number;
    return;
  }
  for (let i = 0; i < out.length; i++) {
    const r = data[4 * i] as number;
    const g = data[4 * i + 1] as number;
    const b = data[4 * i + 2] as number;
    const a = data[4 * i + 3] as number;
    out[i] = ((0.299 * r + 0.587 * g + 0.114 * b) * a) / 255;
  }
}
