import { useState } from 'react';
import { curvesCsv } from '../core/experiment/curvesCsv';
import type { ExperimentResult } from '../core/experiment/resultTypes';
import { downloadText, exportSvgAsPng, resultToJson } from '../features/runs/exportImport';
import { ImportResultButton } from '../features/runs/ImportResultButton';
import { RunsTable } from '../features/runs/RunsTable';
import type { useSavedRuns } from '../features/runs/useSavedRuns';

interface Props {
  saved: ReturnType<typeof useSavedRuns>;
  /** The experiment on screen (finished, opened or imported), exportable. */
  current: ExperimentResult | null;
  onOpen: (result: ExperimentResult) => void;
  onResume: (id: string) => void;
  resumeBlocked: string | null;
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

/** Saved runs (IndexedDB), export of the current experiment (JSON, CSV, PNG) and import of a result.json. */
export function SavedRunsPanel({ saved, current, onOpen, onResume, resumeBlocked }: Props) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const find = (id: string) => saved.records.find((r) => r.id === id)?.result;

  const exportPng = async () => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="race-chart"] svg');
    if (!svg) return setMessage({ kind: 'error', text: 'No chart to export yet: run an experiment first.' });
    await exportSvgAsPng(svg, `learnability-race-${stamp()}.png`);
  };

  return (
    <section className="panel" aria-labelledby="saved-title">
      <h2 id="saved-title">Saved runs</h2>
      <div className="run-controls" role="group" aria-label="Export the current experiment">
        <button type="button" disabled={!current} onClick={() => current && downloadText(`result-${stamp()}.json`, resultToJson(current))}>
          Export JSON
        </button>
        <button type="button" disabled={!current} onClick={() => current && downloadText(`curves-${stamp()}.csv`, curvesCsv(current), 'text/csv')}>
          Export CSV
        </button>
        <button type="button" disabled={!current} onClick={() => void exportPng()}>
          Export chart PNG
        </button>
        <ImportResultButton
          onImport={(result) => {
            onOpen(result);
            void saved.save(result);
            setMessage({ kind: 'ok', text: 'Imported: the result is on screen and saved.' });
          }}
          onError={(text) => setMessage({ kind: 'error', text })}
        />
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'notice notice-error' : 'hint'} data-testid="import-message">
          {message.text}
        </p>
      )}
      <RunsTable
        records={saved.records}
        persistent={saved.persistent}
        onOpen={(id) => {
          const result = find(id);
          if (result) onOpen(result);
        }}
        onDelete={(id) => void saved.remove(id)}
        resumable={saved.resumable}
        onResume={onResume}
        resumeBlocked={resumeBlocked}
        onExport={(id) => {
          const result = find(id);
          if (result) downloadText(`result-${id}.json`, resultToJson(result));
        }}
      />
    </section>
  );
}
