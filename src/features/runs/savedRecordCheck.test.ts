import { describe, expect, it } from 'vitest';
import { checkSavedRecords } from './savedRecordCheck';
import { SAMPLE_RESULT } from './sampleResult.fixture';

const good = { id: 'run-1', savedAt: '2026-11-29T10:00:00.000Z', name: 'good', result: SAMPLE_RESULT };

describe('stored records are checked on load', () => {
  it('keeps good records and lists a broken one with the path of its problem, in order', () => {
    const comparison: Record<string, unknown> = { ...SAMPLE_RESULT.comparisons[0] };
    delete comparison.scorerFlopRatio;
    const broken = { ...good, id: 'run-2', name: 'broken', result: { ...SAMPLE_RESULT, comparisons: [comparison] } };
    const checked = checkSavedRecords([good, broken, { ...good, id: 'run-3' }]);
    expect(checked.records.map((r) => r.id)).toEqual(['run-1', 'run-3']);
    expect(checked.broken).toEqual([
      {
        id: 'run-2',
        name: 'broken',
        savedAt: good.savedAt,
        problem: 'result.comparisons[0].scorerFlopRatio: expected a number ≥ 0 or null, got nothing',
        raw: broken,
      },
    ]);
  });

  it('names missing record fields, and a missing result', () => {
    const checked = checkSavedRecords([{ id: 'a' }, { ...good, name: 5 }, { ...good, result: undefined }, null]);
    expect(checked.records).toEqual([]);
    expect(checked.broken.map((b) => b.problem)).toEqual([
      'name: expected a string, got undefined',
      'name: expected a string, got number',
      'result: expected an object with config, backend, runs and comparisons, got nothing',
      'id: expected a string, got undefined',
    ]);
  });
});
