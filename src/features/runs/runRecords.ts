import { CONFIG_KEYS } from '../../core/config/configSchema';
import type { ExperimentConfig } from '../../core/config/experimentConfig';
import { PRESET_NAMES, PRESETS } from '../../core/config/presets';
import { validateConfig } from '../../core/config/validateConfig';
import type { Comparison, ExperimentResult } from '../../core/experiment/resultTypes';

/** One saved experiment (IndexedDB store "results", keyPath "id"). */
export interface SavedRecord {
  id: string;
  /** ISO 8601. */
  savedAt: string;
  name: string;
  result: ExperimentResult;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-26 11:30" in local time. */
export function formatSavedAt(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'unknown date';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The preset whose config (over the defaults) equals this config exactly, or null. */
export function matchingPreset(config: ExperimentConfig): string | null {
  const same = (a: ExperimentConfig, b: ExperimentConfig) => CONFIG_KEYS.every((k) => String(a[k]) === String(b[k]));
  for (const name of PRESET_NAMES) {
    const preset = validateConfig({ ...PRESETS[name].config });
    if (preset.ok && same(preset.config, config)) return name;
  }
  return null;
}

/**
 * "noisy-labels · synthetic · 3 runs · 2026-11-26 11:30": the label (else the matching preset, else
 * "custom"), the dataset, the number of runs and the local time.
 */
export function defaultRecordName(result: ExperimentResult, savedAt: Date, label?: string | null): string {
  const runs = result.runs.length;
  const first = label ?? matchingPreset(result.config) ?? 'custom';
  const dataset = result.uploadedDataset
    ? `${result.config.dataset} (${result.uploadedDataset.fileName}, #${result.uploadedDataset.contentHash.slice(0, 8)})`
    : result.config.dataset;
  return `${first} · ${dataset} · ${runs} ${runs === 1 ? 'run' : 'runs'} · ${formatSavedAt(savedAt)}`;
}

/** A unique, roughly time-ordered id. */
export function newRecordId(now: Date, random: () => number = Math.random): string {
  const tail = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `run-${now.getTime().toString(36)}-${tail}`;
}

/** Newest first; equal times keep their given order. */
export function newestFirst(records: readonly SavedRecord[]): SavedRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => (a.record.savedAt < b.record.savedAt ? 1 : a.record.savedAt > b.record.savedAt ? -1 : a.index - b.index))
    .map((x) => x.record);
}

/** The comparison with the largest saving of one kind (null savings only when none reached the target). */
export function bestSaving(
  comparisons: readonly Comparison[],
  kind: 'learnerSaving' | 'computeSaving',
): { saving: number | null; comparison: Comparison } | null {
  let best: { saving: number | null; comparison: Comparison } | null = null;
  for (const comparison of comparisons) {
    const saving = comparison[kind];
    if (best === null || (saving !== null && (best.saving === null || saving > best.saving))) best = { saving, comparison };
  }
  return best;
}
