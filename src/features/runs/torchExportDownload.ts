import type { DatasetFileReader } from '../../core/data/datasetRegistry';
import { loadDataset } from '../../core/data/datasetRegistry';
import { withUploadedDataset } from '../../core/data/upload/customDatasetEntry';
import type { LabImageSet } from '../../core/data/upload/labImageSet';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { tar } from '../../core/export/tar';
import { torchExportFiles, torchExportProblem } from '../../core/export/torchExport';

/** The upload in this tab, as the export needs it: its set (for the content hash) and its encoded bytes. */
export interface TabUpload {
  set: LabImageSet;
  encoded: Uint8Array;
}

export type TorchExportOutcome = { ok: true; bytes: Uint8Array; files: number } | { ok: false; message: string };

/**
 * Why a saved result's dataset cannot be rebuilt in this tab, or null. A custom upload lives only in
 * the tab that uploaded it: after a reload (or another upload) the user must upload the same file
 * again; the content hash tells the same file from another.
 */
export function missingUpload(result: ExperimentResult, upload: TabUpload | null): string | null {
  if (result.config.dataset !== 'custom') return null;
  const wanted = result.uploadedDataset;
  const what = wanted
    ? `“${wanted.fileName}” (${wanted.examples} examples, ${wanted.classNames.length} classes: ${wanted.classNames.join(', ')})`
    : 'the uploaded dataset it trained on';
  if (!upload) return `This run trained on ${what}, which is no longer in this tab: upload it again under Dataset, then export again.`;
  if (wanted && upload.set.info.contentHash !== wanted.contentHash)
    return `This run trained on ${what}, but this tab holds “${upload.set.info.fileName}”, a different dataset: upload ${wanted.fileName} again under Dataset, then export again.`;
  return null;
}

/**
 * The PyTorch project of a saved result as one .tar (docs/pytorch-export.md): the dataset is rebuilt
 * from the config (generated from the seed, read from the bundled files, or the tab's upload), so
 * the data are exactly those the lab trained on.
 */
export async function torchExportTar(
  result: ExperimentResult,
  upload: TabUpload | null,
  readFile: DatasetFileReader,
): Promise<TorchExportOutcome> {
  const missing = missingUpload(result, upload);
  if (missing) return { ok: false, message: missing };
  if (result.config.dataset === 'captioned-shapes')
    return { ok: false, message: `Cannot export as PyTorch: ${torchExportProblem(result.config, { channels: 1 }) ?? ''}` };
  try {
    const dataset = await loadDataset(result.config, withUploadedDataset(readFile, upload?.encoded));
    const files = torchExportFiles(result.config, dataset);
    return { ok: true, bytes: tar(files.map((f) => ({ path: `learnability-torch/${f.path}`, bytes: f.bytes }))), files: files.length };
  } catch (error) {
    return { ok: false, message: `Cannot export as PyTorch: ${error instanceof Error ? error.message : String(error)}` };
  }
}
