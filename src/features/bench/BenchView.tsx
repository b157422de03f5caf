import { useEffect, useId, useMemo, useState } from 'react';
import { BACKEND_LABELS, BACKEND_ORDER, parseBackendOverride, type BackendName } from '../../core/backend/backendNames';
import type { BenchRow } from '../../core/bench/benchResults';
import { useBench } from './useBench';

function BenchTable({ rows }: { rows: BenchRow[] }) {
  return (
    <div className="runs-scroll">
      <table className="runs-table" data-testid="bench-table">
        <caption>Measured in this run, on this device</caption>
        <thead>
          <tr>
            <th scope="col">measure</th>
            <th scope="col">value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="runs-num">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function downloadJson(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'results-browser.json';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * `?view=bench`: the benchmark (docs/architecture.md, "Benchmarks") in the browser (same code as `npm run bench`), on the
 * chosen backend. `&backend=webgpu|webgl|wasm|cpu` preselects one, `&quick=1` the CI-sized run,
 * `&autorun=1` starts at once (used by `npm run bench:browser`).
 */
export function BenchView() {
  const params = useMemo(() => new URLSearchParams(window.location.search), []);
  const override = useMemo(() => parseBackendOverride(params.get('backend')), [params]);
  const [backend, setBackend] = useState<BackendName | ''>(override.ok ? (override.backend ?? '') : '');
  const [quick, setQuick] = useState(params.get('quick') === '1');
  const { state, start } = useBench();
  const backendId = useId();
  const json = state.status === 'done' ? JSON.stringify({ ...state.results, adapter: state.report.adapter }, null, 2) : null;
  const rows = state.status === 'idle' ? [] : state.rows;

  useEffect(() => {
    if (params.get('autorun') === '1') void start(override.ok ? override.backend : null, params.get('quick') === '1');
  }, [params, override, start]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Learnability Lab · benchmark</h1>
        <p className="tagline">
          How close the engine runs to its backend's own matmul speed, what selection really costs, and whether memory stays flat. <a href="?">Back to the lab</a>
        </p>
      </header>
      {!override.ok && (
        <div role="alert" className="notice notice-error">
          {override.message}
        </div>
      )}
      <section className="panel" aria-labelledby="bench-setup">
        <h2 id="bench-setup">Run</h2>
        <p className="hint">Runs on this page's thread; keep the tab in front. The quick run takes about a minute on a laptop CPU, the full run several minutes (WebGPU on a software adapter is much slower).</p>
        <div className="run-controls">
          <label htmlFor={backendId}>Backend</label>
          <select id={backendId} value={backend} onChange={(e) => setBackend(e.target.value as BackendName | '')} disabled={state.status === 'running'}>
            <option value="">best available</option>
            {BACKEND_ORDER.map((name) => (
              <option key={name} value={name}>
                {BACKEND_LABELS[name]}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={quick} onChange={(e) => setQuick(e.target.checked)} disabled={state.status === 'running'} /> quick (CI size)
          </label>
          <button type="button" className="primary" onClick={() => void start(backend === '' ? null : backend, quick)} disabled={state.status === 'running'}>
            {state.status === 'done' || state.status === 'failed' ? 'Run again' : 'Run benchmark'}
          </button>
        </div>
        <div data-testid="bench-status" data-status={state.status} aria-live="polite">
          {state.status === 'idle' && <p>Choose a backend and press Run benchmark.</p>}
          {state.status === 'running' && (
            <p>
              <progress max={1} value={state.fraction} aria-label="Benchmark progress" /> {(100 * state.fraction).toFixed(0)}% · {state.report ? `${BACKEND_LABELS[state.report.backend]} · ` : ''}
              {state.label}
            </p>
          )}
          {state.status === 'failed' && <p className="notice notice-error">The benchmark stopped: {state.message}</p>}
          {state.status === 'done' && (
            <p className={state.problems.length === 0 ? 'ok' : 'bad'} data-backend={state.report.backend}>
              Done on {BACKEND_LABELS[state.report.backend]}
              {state.report.adapter ? ` (${state.report.adapter.vendor} ${state.report.adapter.architecture})` : ''}: {state.problems.length === 0 ? 'ratios computed, memory flat.' : state.problems.join('; ')}
            </p>
          )}
        </div>
      </section>
      {rows.length > 0 && (
        <section className="panel" aria-labelledby="bench-results">
          <h2 id="bench-results">Results</h2>
          <BenchTable rows={rows} />
        </section>
      )}
      {json && (
        <section className="panel" aria-labelledby="bench-json-title">
          <h2 id="bench-json-title">results JSON</h2>
          <p className="hint">Same keys as bench/results.json (see docs/architecture.md, Benchmarks), plus the adapter it ran on.</p>
          <button type="button" onClick={() => downloadJson(json)}>
            Download results-browser.json
          </button>
          <pre data-testid="bench-json" tabIndex={0} aria-label="Benchmark results as JSON" style={{ maxHeight: '24rem', overflow: 'auto' }}>
            {json}
          </pre>
        </section>
      )}
    </div>
  );
}
