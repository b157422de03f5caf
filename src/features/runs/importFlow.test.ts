import { describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { importResult } from './importFlow';
import { SAMPLE_RESULT } from './sampleResult.fixture';
import type { SaveOutcome } from './useSavedRuns';

const record = { id: 'run-9', savedAt: '2026-11-29T10:00:00.000Z', name: 'x', result: SAMPLE_RESULT };

describe('importing a checked result', () => {
  it('says "saved" only once the write has finished, then opens it as that record', async () => {
    const log: string[] = [];
    let finishWrite: (outcome: SaveOutcome) => void = () => undefined;
    const save = () => new Promise<SaveOutcome>((resolve) => (finishWrite = resolve));
    const message = importResult(SAMPLE_RESULT, { busy: null, save, open: (_r: ExperimentResult, id) => log.push(`open ${id}`) });
    let said: unknown = null;
    void message.then((m) => (said = m));
    await Promise.resolve();
    expect(said).toBeNull();
    expect(log).toEqual([]);
    finishWrite({ ok: true, record });
    expect(await message).toEqual({ kind: 'ok', text: 'Imported: the result is on screen and saved.' });
    expect(log).toEqual(['open run-9']);
  });

  it('a failed write says it is not saved and what to do; the result is still on screen', async () => {
    const log: string[] = [];
    const failed: SaveOutcome = {
      ok: false,
      message: "Could not save the experiment: this browser's storage for the lab is full. Use Export JSON…",
    };
    const message = await importResult(SAMPLE_RESULT, { busy: null, save: async () => failed, open: (_r, id) => log.push(`open ${id}`) });
    expect(message).toEqual({ kind: 'error', text: `Imported, on screen but not saved. ${failed.message}` });
    expect(log).toEqual(['open null']);
  });

  it('is refused while an experiment runs: nothing saved, nothing opened', async () => {
    const log: string[] = [];
    const message = await importResult(SAMPLE_RESULT, {
      busy: 'An experiment is running; stop it first.',
      save: async () => (log.push('save'), { ok: true, record }),
      open: () => log.push('open'),
    });
    expect(message).toEqual({ kind: 'error', text: 'Import refused: An experiment is running; stop it first.' });
    expect(log).toEqual([]);
  });
});
