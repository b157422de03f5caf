import type { ExperimentConfig } from '../../config/experimentConfig';
import type { Dataset } from '../dataset';
import type { DatasetFileReader } from '../datasetRegistry';
import { decodeLabImageSet } from './labImageSetCodec';
import { buildUploadedDataset } from './uploadedDataset';
import { DatasetFileError } from './uploadLimits';

/** The one "file" of the custom dataset: the encoded upload (labImageSetCodec). */
export const UPLOAD_FILE = 'upload.lldset';

export const NO_UPLOAD_MESSAGE =
  'dataset: "custom" trains on an uploaded file and none is loaded; upload a CSV or an image folder (in the app) or pass --dataset-file file.csv (CLI). A link or saved settings cannot carry the data: upload the file again.';

/** The registry's loader for `dataset: custom`: reads the upload through the platform's reader. */
export async function loadUploadedDataset(config: ExperimentConfig, readFile: DatasetFileReader): Promise<Dataset> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile('custom', UPLOAD_FILE);
  } catch {
    throw new DatasetFileError('dataset', NO_UPLOAD_MESSAGE);
  }
  return buildUploadedDataset(decodeLabImageSet(bytes), config);
}

/** A reader that serves `upload` (encoded) as the custom dataset and defers everything else to `read`. */
export function withUploadedDataset(read: DatasetFileReader, upload: Uint8Array | undefined): DatasetFileReader {
  return (dataset, file) => {
    if (dataset !== 'custom') return read(dataset, file);
    return upload ? Promise.resolve(upload) : Promise.reject(new DatasetFileError('dataset', NO_UPLOAD_MESSAGE));
  };
}
