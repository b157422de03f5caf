import type { SelfCheckState } from './useBackendSession';

interface Props {
  state: SelfCheckState;
  onRun: () => void;
  disabled: boolean;
}

/** Proves the chosen backend computes correctly: a matmul checked against a float64 CPU reference. */
export function SelfCheckPanel({ state, onRun, disabled }: Props) {
  return (
    <section className="panel" aria-labelledby="self-check-title">
      <h2 id="self-check-title">GPU self-check</h2>
      <p className="hint">Multiplies two random 256×256 matrices on the chosen backend and compares the result with a CPU reference.</p>
      <div
        data-testid="self-check"
        data-status={state.status}
        data-passed={state.status === 'done' ? String(state.result.passed) : undefined}
        aria-live="polite"
      >
        {state.status === 'idle' && <p>Waiting for the backend…</p>}
        {state.status === 'running' && (
          <p>
            <progress aria-label="Self-check running" /> Running…
          </p>
        )}
        {state.status === 'failed' && <p className="notice notice-error">Self-check failed to run: {state.message}</p>}
        {state.status === 'done' && (
          <dl className="facts">
            <dt>Result</dt>
            <dd className={state.result.passed ? 'ok' : 'bad'}>
              {state.result.passed ? 'passed' : 'FAILED: results differ from the CPU reference'}
            </dd>
            <dt>Backend</dt>
            <dd>{state.result.backend}</dd>
            <dt>Max abs error</dt>
            <dd data-testid="self-check-error">
              {state.result.maxAbsError.toExponential(2)} (tolerance {state.result.tolerance.toExponential(0)})
            </dd>
            <dt>Throughput</dt>
            <dd data-testid="self-check-gflops">
              {state.result.gflops.toFixed(2)} GFLOP/s ({state.result.msPerMatmul.toFixed(1)} ms per matmul)
            </dd>
          </dl>
        )}
      </div>
      <button type="button" onClick={onRun} disabled={disabled || state.status === 'running'}>
        Run self-check again
      </button>
    </section>
  );
}
