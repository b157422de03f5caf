import { useState } from 'react';
import { curvesCsv } from '../core/experiment/curvesCsv';
import type { ExperimentResult } from '../core/experiment/resultTypes';
import { downloadText, exportSvgAsPng, resultToJson } from '../features/runs/exportImport';
import { ImportResultButton } from '../features/runs/ImportResultButton';
import { importResult } from '../features/runs/importFlow';
import { RunsTable } from '../features/runs/RunsTable';
import type { useSavedRuns } from '../features/runs/useSavedRuns';
import { torchExportTar, type TabUpload } from '../features/runs/torchExportDownload';
import { downloadBlob } from '../features/runs/exportImport';
import { fetchDatasetFile } from '../worker/datasetFetcher';

interface Props {
  saved: ReturnType<typeof useSavedRuns>;
  /** The experiment on screen (finished, opened or imported), exportable. */
  current: ExperimentResult | null;
  /** Shows a result; `id` is its saved record (null: not saved). */
  onOpen: (result: ExperimentResult, id: string | null) => void;
  onResume: (id: string) => void;
  resumeBlocked: string | null;
  /** Why Open and Import are refused right now (an experiment is running), or null. */
  busy: string | null;
  /** The record the running experiment saves into (not deletable while it trains). */
  liveId: string | null;
  /** The dataset uploaded in this tab (a custom-dataset run exports only with it). */
  upload: TabUpload | null;
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

/** Saved runs (IndexedDB), export of the current experiment (JSON, CSV, PNG) and import of a result.json. */
export function SavedRunsPanel({ saved, current, onOpen, onResume, resumeBlocked, busy, liveId, upload }: Props) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const find = (id: string) => saved.records.find((r) => r.id === id)?.result;

  const exportPng = async () => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="race-chart"] svg');
    if (!svg) return setMessage({ kind: 'error', text: 'No chart to export yet: run an experiment first.' });
    await exportSvgAsPng(svg, `learnability-race-${stamp()}.png`);
  };

  const exportTorch = async (id: string) => {
    const result = find(id);
    if (!result) return;
    setMessage({ kind: 'ok', text: 'Preparing the PyTorch export: rebuilding the dataset…' });
    const outcome = await torchExportTar(result, upload, fetchDatasetFile);
    if (!outcome.ok) return setMessage({ kind: 'error', text: outcome.message });
    downloadBlob(`learnability-torch-${id}.tar`, new Blob([outcome.bytes as Uint8Array<ArrayBuffer>], { type: 'application/x-tar' }));
    setMessage({
      kind: 'ok',
      text: `Downloaded learnability-torch-${id}.tar (${outcome.files} files): unpack it and run python3 learnability-torch/train.py (Python with torch; README.md inside).`,
    });
  };

  return (
    <section className="panel" aria-labelledby="saved-title">
      <h2 id="saved-title">Saved runs</h2>
      <div className="run-controls" role="group" aria-label="Export the current experiment">
        <button type="button" disabled={!current} onClick={() => current && downloadText(`result-${stamp()}.json`, resultToJson(current))}>
          Export JSON
        </button>
        <button
          type="button"
          disabled={!current}
          onClick={() => current && downloadText(`curves-${stamp()}.csv`, curvesCsv(current), 'text/csv')}
        >
          Export CSV
        </button>
        <button type="button" disabled={!current} onClick={() => void exportPng()}>
          Export chart PNG
        </button>
        <ImportResultButton
          onImport={async (result) => {
            setMessage({ kind: 'ok', text: 'Importing: saving the result…' });
            setMessage(await importResult(result, { busy, save: (r) => saved.save(r), open: onOpen }));
          }}
          onError={(text) => setMessage({ kind: 'error', text })}
          disabled={busy !== null}
          {...(busy ? { disabledReason: busy } : {})}
        />
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'notice notice-error' : 'hint'}
          data-testid="import-message"
        >
          {message.text}
        </p>
      )}
      <RunsTable
        records={saved.records}
        persistent={saved.persistent}
        onOpen={(id) => {
          const result = find(id);
          if (busy) setMessage({ kind: 'error', text: `Open refused: ${busy}` });
          else if (result) onOpen(result, id);
        }}
        openBlocked={busy}
        liveId={liveId}
        broken={saved.broken}
        onExportBroken={(record) => downloadText(`broken-${record.id}.json`, `${JSON.stringify(record.raw, null, 2)}\n`)}
        onDelete={(id) => void saved.remove(id)}
        resumable={saved.resumable}
        onResume={onResume}
        resumeBlocked={resumeBlocked}
        onExportTorch={(id) => void exportTorch(id)}
        onExport={(id) => {
          const result = find(id);
          if (result) downloadText(`result-${id}.json`, resultToJson(result));
        }}
      />
    </section>
  );
}
