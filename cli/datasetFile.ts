import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ExperimentConfig } from '../src/core/config/experimentConfig';
import { parseCsvImageSet } from '../src/core/data/upload/csvImageSet';
import type { LabImageSet } from '../src/core/data/upload/labImageSet';
import { fitSizesToUpload } from '../src/core/data/upload/uploadedDataset';
import { DatasetFileError, formatBytes, UPLOAD_LIMITS } from '../src/core/data/upload/uploadLimits';
import { UsageError } from './parseArgs';

export interface ImageSize {
  width: number;
  height: number;
}

/** `--dataset-size 28x20` (or 28×20). */
export function parseImageSize(raw: string): ImageSize {
  const match = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/i.exec(raw);
  if (!match) throw new UsageError(`dataset-size: "${raw}" is not an image size; expected WIDTHxHEIGHT, e.g. 28x20`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/**
 * `--dataset-file data.csv`: the CSV read and validated exactly as an upload in the app (same
 * messages, prefixed by nothing but `lab:`); a bad file is a UsageError (exit 2).
 */
export async function readDatasetCsv(path: string, size: ImageSize | null): Promise<LabImageSet> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new UsageError(
        `dataset-file: ${path} is a folder; the CLI reads a CSV (one row per image: label,p0,p1,…); upload image folders in the app`,
      );
    if (info.size > UPLOAD_LIMITS.maxBytes)
      throw new UsageError(
        `${basename(path)}: ${formatBytes(info.size)} is too large; the largest upload allowed is ${formatBytes(UPLOAD_LIMITS.maxBytes)}; use fewer rows`,
      );
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`dataset-file: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return parseCsvImageSet(bytes, { fileName: basename(path), ...(size ?? {}) });
  } catch (error) {
    if (error instanceof DatasetFileError) throw new UsageError(error.message);
    throw error;
  }
}

type Layered = Partial<Record<keyof ExperimentConfig, unknown>>;

/**
 * The config layers with the dataset file applied: `dataset: custom` (a different dataset named
 * explicitly is a conflict), and split sizes fitted to the file unless any was given explicitly.
 */
export function withDatasetFile(layers: Layered, explicit: Layered, set: LabImageSet): { config: Layered; note: string | null } {
  if (explicit.dataset !== undefined && explicit.dataset !== 'custom') {
    throw new UsageError(
      `dataset: "${String(explicit.dataset)}" conflicts with --dataset-file; a dataset file trains as dataset custom (leave --dataset out)`,
    );
  }
  const config: Layered = { ...layers, dataset: 'custom' };
  const sizeKeys = ['trainSize', 'heldOutSize', 'testSize'] as const;
  if (sizeKeys.some((k) => explicit[k] !== undefined)) return { config, note: null };
  const current = Object.fromEntries(sizeKeys.map((k) => [k, Number(config[k])])) as Record<(typeof sizeKeys)[number], number>;
  const fit = fitSizesToUpload(current, set.info.examples);
  const changed = sizeKeys.some((k) => fit[k] !== current[k]);
  const { info } = set;
  const summary = `${info.fileName}: ${info.examples} examples, ${info.classNames.length} classes, ${info.width}×${info.height} → 16×16, hash ${info.contentHash}`;
  return {
    config: { ...config, ...fit },
    note: changed
      ? `${summary}; split sizes fitted: trainSize ${fit.trainSize}, heldOutSize ${fit.heldOutSize}, testSize ${fit.testSize}`
      : summary,
  };
}
