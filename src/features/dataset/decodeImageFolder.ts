import { checkFolderHeaders } from '../../core/data/upload/folderPixelBounds';
import type { DecodedImage } from '../../core/data/upload/imageFolderSet';
import { readImageHeader } from '../../core/data/upload/imageHeader';
import { DatasetFileError, UPLOAD_LIMITS, checkByteSize } from '../../core/data/upload/uploadLimits';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.webp'] as const;

/** The file's path inside the picked folder ("pets/cat/1.png"); a plain file picker gives just the name. */
export function relativePath(file: File): string {
  return file.webkitRelativePath || file.name;
}

const isImage = (path: string) => IMAGE_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext));
const isHidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));

export interface FolderFiles {
  /** The picked folder's name (the first path segment). */
  folderName: string;
  images: File[];
  /** Other files (README, .DS_Store…): skipped, and counted in the summary. */
  skipped: number;
}

export function sortFolderFiles(files: readonly File[]): FolderFiles {
  const paths = files.map(relativePath);
  const folderName = paths[0]?.split('/')[0] || 'folder';
  const images = files.filter((_, i) => isImage(paths[i] as string) && !isHidden(paths[i] as string));
  return { folderName, images, skipped: files.length - images.length };
}

/**
 * Decodes images to RGBA with createImageBitmap and an (Offscreen)canvas; a file that fails is named.
 * Before anything is decoded, the folder is bounded by its bytes and then by the sizes in the image
 * headers (each side, and the pixels of all images together; see UPLOAD_LIMITS).
 */
export async function decodeImages(folderName: string, files: readonly File[]): Promise<DecodedImage[]> {
  checkByteSize(
    folderName,
    files.reduce((s, f) => s + f.size, 0),
    UPLOAD_LIMITS,
    'use fewer or smaller images',
  );
  const headers = await Promise.all(
    files.map(async (file) => ({ path: relativePath(file), header: readImageHeader(new Uint8Array(await file.arrayBuffer())) })),
  );
  checkFolderHeaders(folderName, headers, UPLOAD_LIMITS);
  const decoded: DecodedImage[] = [];
  for (const file of files) {
    const path = relativePath(file);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      throw new DatasetFileError(
        path,
        `${folderName}: ${path} could not be decoded as an image; allowed formats: ${IMAGE_EXTENSIONS.join(', ')}`,
      );
    }
    try {
      const { width, height } = bitmap;
      if (width > UPLOAD_LIMITS.maxSide || height > UPLOAD_LIMITS.maxSide) {
        throw new DatasetFileError(
          path,
          `${folderName}: ${path} is ${width}×${height}; image sides must be from 1 to ${UPLOAD_LIMITS.maxSide} pixels`,
        );
      }
      decoded.push({ path, width, height, data: rgbaOf(bitmap), bytes: file.size });
    } finally {
      bitmap.close();
    }
  }
  return decoded;
}

function rgbaOf(bitmap: ImageBitmap): Uint8ClampedArray {
  const { width, height } = bitmap;
  const canvas =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!context) throw new DatasetFileError('canvas', 'this browser cannot read image pixels (no 2-D canvas); upload a CSV instead');
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, width, height).data;
}
