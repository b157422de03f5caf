import type { SelectionSampleWithPixels } from '../../worker/thumbnails';

/** Corruption codes of the dataset: 0 clean, 1 label noise, 2 duplicate, 3 unlearnable. */
export const CORRUPTION_LABELS: Record<number, string> = { 0: 'clean', 1: 'noisy label', 2: 'duplicate', 3: 'unlearnable' };

export function corruptionLabel(code: number): string {
  return CORRUPTION_LABELS[code] ?? `corruption ${code}`;
}

/** base64 of imageSize² greyscale bytes → those bytes (throws on a wrong length). */
export function decodeGreyscale(base64: string, imageSize: number): Uint8Array {
  const binary = atob(base64);
  const n = imageSize * imageSize;
  if (binary.length !== n) throw new Error(`thumbnail: expected ${n} bytes, got ${binary.length}`);
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Greyscale bytes → opaque RGBA pixels for ImageData. */
export function greyToRgba(grey: Uint8Array): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(new ArrayBuffer(grey.length * 4));
  grey.forEach((v, i) => {
    rgba[4 * i] = v;
    rgba[4 * i + 1] = v;
    rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  });
  return rgba;
}

/** What one super-batch example shows: label, truth, corruption and whether it was picked. */
export interface ThumbnailInfo {
  position: number;
  label: number;
  trueLabel: number;
  corruption: number;
  selected: boolean;
  /** Accessible name, e.g. "label 3 (true 5) — noisy label, selected". */
  description: string;
}

/**
 * Describes each super-batch example; with caption texts (image–caption data) the label is named as
 * its caption and label noise as a mismatched caption.
 */
export function thumbnailInfos(
  sample: Pick<SelectionSampleWithPixels, 'superBatch' | 'selected' | 'labels' | 'trueLabels' | 'corruption' | 'captionTexts'>,
): ThumbnailInfo[] {
  const picked = new Set(sample.selected);
  const captions = sample.captionTexts;
  const name = (label: number) => (captions ? `“${captions[label] ?? `caption ${label}`}”` : String(label));
  return sample.superBatch.map((_, position) => {
    const label = sample.labels[position] ?? -1;
    const trueLabel = sample.trueLabels[position] ?? label;
    const corruption = sample.corruption[position] ?? 0;
    const selected = picked.has(position);
    const truth = trueLabel === label ? '' : ` (true ${name(trueLabel)})`;
    const kind = captions && corruption === 1 ? 'mismatched caption' : corruptionLabel(corruption);
    return {
      position,
      label,
      trueLabel,
      corruption,
      selected,
      description: `${captions ? 'caption' : 'label'} ${name(label)}${truth} — ${kind}, ${selected ? 'selected' : 'not selected'}`,
    };
  });
}

export interface SelectionCounts {
  superBatch: number;
  picked: number;
  corruptedPicked: number;
  corruptedInSuperBatch: number;
}

export function selectionCounts(infos: readonly ThumbnailInfo[]): SelectionCounts {
  let picked = 0;
  let corruptedPicked = 0;
  let corruptedInSuperBatch = 0;
  for (const t of infos) {
    if (t.selected) picked++;
    if (t.corruption !== 0) {
      corruptedInSuperBatch++;
      if (t.selected) corruptedPicked++;
    }
  }
  return { superBatch: infos.length, picked, corruptedPicked, corruptedInSuperBatch };
}

function share(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '0%';
}

/** "picked 64 of 128; corrupted among picked: 2 of 64 (3.1%); in the whole super-batch: 31 of 128 (24.2%)". */
export function countsText(c: SelectionCounts): string {
  return `picked ${c.picked} of ${c.superBatch}; corrupted among picked: ${c.corruptedPicked} of ${c.picked} (${share(c.corruptedPicked, c.picked)}); in the whole super-batch: ${c.corruptedInSuperBatch} of ${c.superBatch} (${share(c.corruptedInSuperBatch, c.superBatch)})`;
}

/** Online vs reference loss per example, with its selection, when both losses were computed. */
export function lossPairs(
  sample: Pick<SelectionSampleWithPixels, 'losses' | 'selected'>,
): { reference: number; online: number; selected: boolean }[] | null {
  const { online, reference } = sample.losses;
  if (!online || !reference || online.length === 0 || online.length !== reference.length) return null;
  const picked = new Set(sample.selected);
  return online.map((o, i) => ({ online: o, reference: reference[i] ?? Number.NaN, selected: picked.has(i) }));
}
