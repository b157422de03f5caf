import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ImportResultButton } from './ImportResultButton';
import { RunsTable } from './RunsTable';
import type { SavedRecord } from './runRecords';
import { SAMPLE_RESULT } from './sampleResult.fixture';

const noop = () => undefined;
const record: SavedRecord = { id: 'run-1', savedAt: '2026-11-26T11:30:00.000Z', name: 'my run', result: SAMPLE_RESULT };

describe('RunsTable markup (server render)', () => {
  it('lists records with savings and named buttons', () => {
    const html = renderToStaticMarkup(
      createElement(RunsTable, { records: [record], persistent: true, onOpen: noop, onDelete: noop, onExport: noop }),
    );
    expect(html).toContain('<caption>Saved runs</caption>');
    expect(html).toContain('data-testid="saved-run" data-run-id="run-1"');
    expect(html).toContain('+35.4%');
    expect(html).toContain('+20.0%');
    expect(html).toContain('uniform, learnability');
    for (const label of ['Open my run', 'Export JSON of my run', 'Delete my run']) expect(html).toContain(`aria-label="${label}"`);
    expect(html).not.toContain('survive a reload in this browser');
  });

  it('says "not reached" for null savings, shows the empty state and the in-memory warning', () => {
    const unreached = {
      ...record,
      result: { ...SAMPLE_RESULT, comparisons: SAMPLE_RESULT.comparisons.map((c) => ({ ...c, learnerSaving: null, computeSaving: null })) },
    };
    const html = renderToStaticMarkup(
      createElement(RunsTable, { records: [unreached], persistent: false, onOpen: noop, onDelete: noop, onExport: noop }),
    );
    expect(html.match(/not reached/g)).toHaveLength(2);
    expect(html).toContain('Saved runs won&#x27;t survive a reload in this browser');
    const empty = renderToStaticMarkup(
      createElement(RunsTable, { records: [], persistent: true, onOpen: noop, onDelete: noop, onExport: noop }),
    );
    expect(empty).toContain('No saved runs yet. Finished experiments are saved here automatically and survive a reload.');
  });

  it('offers Resume only for records with a checkpoint, disabled with the reason while blocked', () => {
    const other = { ...record, id: 'run-2', name: 'other run' };
    const props = {
      records: [record, other],
      persistent: true,
      onOpen: noop,
      onDelete: noop,
      onExport: noop,
      resumable: new Set(['run-2']),
      onResume: noop,
    };
    const html = renderToStaticMarkup(createElement(RunsTable, props));
    expect(html).toContain('aria-label="Resume other run from its last checkpoint"');
    expect(html).not.toContain('aria-label="Resume my run');
    const blocked = renderToStaticMarkup(createElement(RunsTable, { ...props, resumeBlocked: 'An experiment is running.' }));
    expect(blocked).toMatch(/disabled="" title="An experiment is running\." aria-label="Resume other run/);
  });

  it('lists a broken stored record with its problem, Export and Delete, and no Open', () => {
    const broken = [
      {
        id: 'run-7',
        name: 'bad import',
        savedAt: '2026-11-26T11:30:00.000Z',
        problem: 'result.runs[0].phaseFlops: expected an object, got nothing',
        raw: {},
      },
    ];
    const html = renderToStaticMarkup(
      createElement(RunsTable, { records: [record], broken, persistent: true, onOpen: noop, onDelete: noop, onExport: noop }),
    );
    expect(html).toContain('data-testid="broken-run" data-run-id="run-7"');
    expect(html).toContain(
      'Cannot be shown: result.runs[0].phaseFlops: expected an object, got nothing. Export it to inspect or repair it, or delete it.',
    );
    for (const label of ['Export JSON of bad import', 'Delete bad import']) expect(html).toContain(`aria-label="${label}"`);
    expect(html).not.toContain('aria-label="Open bad import"');
    expect(html).toContain('aria-label="Open my run"');
    const onlyBroken = renderToStaticMarkup(
      createElement(RunsTable, { records: [], broken, persistent: true, onOpen: noop, onDelete: noop, onExport: noop }),
    );
    expect(onlyBroken).not.toContain('No saved runs yet');
  });

  it('while an experiment runs, Open is disabled with the reason and its own record cannot be deleted', () => {
    const props = {
      records: [record],
      persistent: true,
      onOpen: noop,
      onDelete: noop,
      onExport: noop,
      openBlocked: 'An experiment is running; stop it first.',
      liveId: 'run-1',
    };
    const html = renderToStaticMarkup(createElement(RunsTable, props));
    expect(html).toContain('disabled="" title="An experiment is running; stop it first." aria-label="Open my run"');
    expect(html).toMatch(/disabled="" title="This experiment is training and saves here; stop it first\." aria-label="Delete my run"/);
  });

  it('labels the import input', () => {
    const html = renderToStaticMarkup(createElement(ImportResultButton, { onImport: noop, onError: noop }));
    const id = /<label for="([^"]+)">Import result JSON<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`id="${id}" type="file" accept="application/json,.json"`);
    const busy = renderToStaticMarkup(
      createElement(ImportResultButton, {
        onImport: noop,
        onError: noop,
        disabled: true,
        disabledReason: 'An experiment is running; stop it first.',
      }),
    );
    expect(busy).toContain('disabled="" title="An experiment is running; stop it first."');
  });
});
