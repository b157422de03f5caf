import type { ExperimentConfig } from '../../config/experimentConfig';
import { createRng } from '../../random/rng';
import { buildSyntheticDataset } from '../syntheticDataset';

/** Test fixtures: CSV text of labelled images, generated (never committed). */
export interface CsvSpec {
  classes: number;
  perClass: number;
  side: number;
  header?: boolean;
  /** 255: integer pixels 0–255; 1: the same pixels as fractions 0–1. */
  scale?: 255 | 1;
  seed?: number;
}

/** Class c lights up its own pixel block on a noisy background: learnable, reproducible. */
export function makeCsv({ classes, perClass, side, header = false, scale = 255, seed = 1 }: CsvSpec): string {
  const rng = createRng(seed);
  const pixels = side * side;
  const rows: string[] = [];
  if (header) rows.push(['label', ...Array.from({ length: pixels }, (_, p) => `pixel${p}`)].join(','));
  for (let i = 0; i < classes * perClass; i++) {
    const label = i % classes;
    const values = Array.from({ length: pixels }, (_, p) => {
      const v = Math.floor(p / Math.max(1, Math.floor(pixels / classes))) === label ? 200 + rng.int(56) : rng.int(60);
      return scale === 255 ? String(v) : String(v / 255);
    });
    rows.push([String(label), ...values].join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** The synthetic dataset's train split as a 16×16 CSV (standardised pixels mapped back to 0–255). */
export function syntheticCsv(config: ExperimentConfig): string {
  const { train } = buildSyntheticDataset(config);
  const rows: string[] = [];
  for (let i = 0; i < train.count; i++) {
    const pixels = Array.from(train.images.subarray(i * 256, (i + 1) * 256), (v) =>
      Math.round(255 * Math.min(1, Math.max(0, (v + 2.5) / 5))),
    );
    rows.push([train.labels[i], ...pixels].join(','));
  }
  return rows.join('\n');
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);
