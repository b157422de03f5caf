import { imageSetFromFolder } from '../../core/data/upload/imageFolderSet';
import type { LabImageSet } from '../../core/data/upload/labImageSet';
import { encodeLabImageSet } from '../../core/data/upload/labImageSetCodec';
import { checkByteSize, DatasetFileError, UPLOAD_LIMITS } from '../../core/data/upload/uploadLimits';
import { parseCsvOffThread } from '../../worker/parseCsvOffThread';
import { decodeImages, sortFolderFiles } from './decodeImageFolder';

export type UploadOutcome = { ok: true; set: LabImageSet; encoded: Uint8Array; skipped: number } | { ok: false; message: string };

export interface CsvSizeOption {
  width: number;
  height: number;
}

/** A CSV file → a validated image set (parsed in a worker), or the message to show. Never throws. */
export async function readCsvUpload(file: File, size: CsvSizeOption | null): Promise<UploadOutcome> {
  try {
    checkByteSize(file.name, file.size, UPLOAD_LIMITS, 'use fewer rows (20 MB holds about 10,000 28×28 images as CSV)');
    const reply = await parseCsvOffThread({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, size });
    return reply.ok ? { ...reply, skipped: 0 } : reply;
  } catch (error) {
    return failure(error, file.name);
  }
}

/** The files of a picked folder (class-named subfolders of images) → a validated image set, or the message. */
export async function readFolderUpload(files: readonly File[]): Promise<UploadOutcome> {
  const { folderName, images, skipped } = sortFolderFiles(files);
  try {
    const set = imageSetFromFolder(folderName, await decodeImages(folderName, images));
    return { ok: true, set, encoded: encodeLabImageSet(set), skipped };
  } catch (error) {
    return failure(error, folderName);
  }
}

function failure(error: unknown, name: string): UploadOutcome {
  if (error instanceof DatasetFileError) return { ok: false, message: error.message };
  return { ok: false, message: `${name}: could not be read (${error instanceof Error ? error.message : String(error)})` };
}
