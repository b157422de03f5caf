import { checkResult } from './resultSchema';
import type { SavedRecord } from './runRecords';

/** A stored record that does not pass the result schema: listed with its problem, never rendered. */
export interface BrokenRecord {
  id: string;
  name: string;
  savedAt: string;
  /** The first problem, naming its path ("result.comparisons[0].scorerFlopRatio: expected …"). */
  problem: string;
  /** The record as stored, for Export JSON. */
  raw: unknown;
}

export interface CheckedRecords {
  records: SavedRecord[];
  broken: BrokenRecord[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One stored record: a SavedRecord when every field checks, else a BrokenRecord saying why. */
function checkRecord(raw: unknown): SavedRecord | BrokenRecord {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const get = (key: string) => (Object.hasOwn(o, key) ? o[key] : undefined);
  const id = text(get('id')) ?? String(get('id'));
  const name = text(get('name'));
  const savedAt = text(get('savedAt'));
  const broken = (problem: string): BrokenRecord => ({ id, name: name ?? id, savedAt: savedAt ?? '', problem, raw });
  if (text(get('id')) === null) return broken(`id: expected a string, got ${typeof get('id')}`);
  if (name === null) return broken(`name: expected a string, got ${typeof get('name')}`);
  if (savedAt === null) return broken(`savedAt: expected a string, got ${typeof get('savedAt')}`);
  const result = checkResult(get('result'));
  if (result.ok) return { id, name, savedAt, result: result.result };
  return broken(result.message.startsWith('(result)') ? result.message.replace('(result)', 'result') : `result.${result.message}`);
}

/**
 * Splits stored records (untrusted: written by an older version, another tab, or edited by hand)
 * into those the lab can draw and those it lists as broken. Keeps the given order.
 */
export function checkSavedRecords(stored: readonly unknown[]): CheckedRecords {
  const records: SavedRecord[] = [];
  const broken: BrokenRecord[] = [];
  for (const raw of stored) {
    const checked = checkRecord(raw);
    if ('problem' in checked) broken.push(checked);
    else records.push(checked);
  }
  return { records, broken };
}
