import type { ExperimentConfig } from '../../core/config/experimentConfig';
import type { ConfigError } from '../../core/config/validateConfig';
import { uploadSizeErrors } from '../../core/data/upload/uploadedDataset';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import type { LabImageSet, UploadedDatasetInfo } from '../../core/data/upload/labImageSet';
import { formatBytes } from '../../core/data/upload/uploadLimits';
import { LAB_PIXELS } from '../../core/data/labImage';

/** "digits.csv · 1,200 examples · 3 classes · 28×28 → 16×16 · 94 kB · hash 5d090ea2b16c792b". */
export function summaryLine(info: UploadedDatasetInfo): string {
  const noun = info.source === 'csv' ? 'examples' : 'images';
  return [
    info.fileName,
    `${info.examples.toLocaleString('en')} ${noun}`,
    `${info.classNames.length} classes`,
    `${info.width}×${info.height} → 16×16`,
    formatBytes(info.bytes),
    `hash ${info.contentHash}`,
  ].join(' · ');
}

export interface Thumbnail {
  label: number;
  className: string;
  /** 16×16 grey bytes. */
  pixels: Uint8Array;
}

/** The first `perClass` examples of each class, class by class. */
export function thumbnails(set: LabImageSet, perClass = 2): Thumbnail[] {
  const shown: Thumbnail[] = [];
  const taken = new Array<number>(set.info.classNames.length).fill(0);
  for (let i = 0; i < set.info.examples; i++) {
    const label = set.labels[i] as number;
    if ((taken[label] as number) >= perClass) continue;
    taken[label] = (taken[label] as number) + 1;
    shown.push({
      label,
      className: set.info.classNames[label] as string,
      pixels: set.pixels.subarray(i * LAB_PIXELS, (i + 1) * LAB_PIXELS),
    });
  }
  return shown.sort((a, b) => a.label - b.label);
}

/** `28x20` / `28×20` → size; '' → null (square rows); anything else → a message. */
export function parseSizeText(text: string): { ok: true; size: { width: number; height: number } | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, size: null };
  const match = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/i.exec(text);
  if (!match)
    return { ok: false, message: `image size: "${text}" is not a size; expected WIDTH×HEIGHT, e.g. 28x20 (leave empty for square images)` };
  return { ok: true, size: { width: Number(match[1]), height: Number(match[2]) } };
}

/** A custom-dataset result saved without its upload info (e.g. the in-progress record) gets it. */
export function withUploadInfo(result: ExperimentResult, info: UploadedDatasetInfo | null): ExperimentResult {
  if (result.config.dataset !== 'custom' || result.uploadedDataset || !info) return result;
  return { ...result, uploadedDataset: info };
}

/**
 * What stands between the settings and a run on `dataset: custom`: no upload in this tab (a link or
 * a reload cannot carry the file), or split sizes the upload cannot fill. Field-named, for the form.
 */
export function customDatasetErrors(config: ExperimentConfig, info: UploadedDatasetInfo | null): ConfigError[] {
  if (config.dataset !== 'custom') return [];
  if (!info) {
    return [
      {
        field: 'dataset',
        message:
          'dataset: "custom" needs an uploaded file and none is loaded in this tab; upload a CSV or an image folder under “Your dataset” (a link or a reload cannot carry the data: upload the file again)',
      },
    ];
  }
  return uploadSizeErrors(config, info.examples, info.fileName);
}
