import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../core/experiment/resultTypes';
import { baseConfigFor } from '../controls/urlConfig';
import { SAMPLE_RESULT } from './sampleResult.fixture';
import { bestSaving, defaultRecordName, formatSavedAt, matchingPreset, newRecordId, newestFirst, type SavedRecord } from './runRecords';
import { createMemoryRunStore, openRunStore } from './runStore';

const at = new Date(2026, 10, 26, 11, 30, 45);

describe('saved run records', () => {
  it('names a record: preset or label, dataset, runs, local time', () => {
    expect(formatSavedAt(at)).toBe('2026-11-26 11:30');
    const threeRuns = {
      ...SAMPLE_RESULT,
      config: baseConfigFor('noisy-labels'),
      runs: [...SAMPLE_RESULT.runs, ...SAMPLE_RESULT.runs].slice(0, 3),
    };
    expect(defaultRecordName(threeRuns, at)).toBe('noisy-labels · synthetic · 3 runs · 2026-11-26 11:30');
    expect(defaultRecordName(SAMPLE_RESULT, at)).toBe('custom · synthetic · 2 runs · 2026-11-26 11:30');
    expect(defaultRecordName({ ...SAMPLE_RESULT, runs: SAMPLE_RESULT.runs.slice(0, 1) }, at, 'mine')).toBe(
      'mine · synthetic · 1 run · 2026-11-26 11:30',
    );
    expect(matchingPreset(baseConfigFor('micro'))).toBe('micro');
  });

  it('makes distinct ids and sorts newest first', () => {
    expect(newRecordId(at, () => 0.5)).not.toBe(newRecordId(at, () => 0.25));
    const r = (id: string, savedAt: string): SavedRecord => ({ id, savedAt, name: id, result: SAMPLE_RESULT });
    expect(
      newestFirst([r('a', '2026-01-01T00:00:00.000Z'), r('b', '2026-02-01T00:00:00.000Z'), r('c', '2026-01-01T00:00:00.000Z')]).map(
        (x) => x.id,
      ),
    ).toEqual(['b', 'a', 'c']);
  });

  it('picks the best saving, null only when none was reached', () => {
    const c = (learnerSaving: number | null): Comparison => ({ ...(SAMPLE_RESULT.comparisons[0] as Comparison), learnerSaving });
    expect(bestSaving([], 'learnerSaving')).toBeNull();
    expect(bestSaving([c(null), c(0.1), c(0.3), c(null)], 'learnerSaving')?.saving).toBe(0.3);
    expect(bestSaving([c(null), c(null)], 'learnerSaving')?.saving).toBeNull();
    expect(bestSaving([c(-0.2)], 'learnerSaving')?.saving).toBe(-0.2);
  });
});

describe('run store (in memory)', () => {
  it('falls back to memory without IndexedDB and says so', async () => {
    const store = await openRunStore(undefined);
    expect(store.persistent).toBe(false);
  });

  it('saves, lists newest first, gets and removes', async () => {
    const store = createMemoryRunStore();
    const first = await store.save(SAMPLE_RESULT, 'first');
    const second = await store.save(SAMPLE_RESULT);
    expect(first.name).toBe('first');
    expect(second.name).toMatch(/^custom · synthetic · 2 runs · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(new Date(second.savedAt).toISOString()).toBe(second.savedAt);
    expect((await store.list()).map((r) => r.id)).toEqual([second.id, first.id]);
    expect((await store.get(first.id))?.result).toEqual(SAMPLE_RESULT);
    await store.remove(first.id);
    expect(await store.get(first.id)).toBeUndefined();
    expect((await store.list()).map((r) => r.id)).toEqual([second.id]);
  });
});
