import type { LiveRun } from '../experiment/liveState';

interface Props {
  runs: LiveRun[];
  /** Latest phase message ("pretraining the reference…"), or null. */
  phase: string | null;
}

/** 80 000 ms → "1m 20s"; 3 900 000 ms → "1h 5m"; under a second → "<1s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 1) return '<1s';
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** "done", "stopped: diverged", "ETA 1m 20s" or "ETA …" (until the first step is timed). */
export function runStatusText(run: Pick<LiveRun, 'finished' | 'etaMs'>): string {
  if (run.finished) return run.finished.stoppedEarly ? `stopped: ${run.finished.stoppedEarly.detail}` : 'done';
  return run.etaMs === null ? 'ETA …' : `ETA ${formatDuration(run.etaMs)}`;
}

/** One progress bar per run (step of total, ETA) and the current phase, announced politely. */
export function RunProgress({ runs, phase }: Props) {
  return (
    <div className="run-progress" data-testid="run-progress">
      <p className="run-progress-phase" role="status" aria-live="polite">
        {phase ?? ''}
      </p>
      {runs.length > 0 && (
        <ul className="run-progress-list">
          {runs.map((run) => {
            const status = runStatusText(run);
            const done = run.finished !== null;
            const fraction = run.totalSteps > 0 ? Math.min(1, Math.max(0, run.step / run.totalSteps)) : 0;
            return (
              <li key={run.id} className="run-progress-item" data-run={run.id} data-done={String(done)}>
                <span className="run-progress-name">{run.id}</span>
                <div
                  className="run-progress-bar"
                  role="progressbar"
                  aria-label={`Training ${run.id}`}
                  aria-valuemin={0}
                  aria-valuemax={run.totalSteps}
                  aria-valuenow={run.step}
                  aria-valuetext={`step ${run.step} of ${run.totalSteps}, ${status}`}
                >
                  <div className="run-progress-fill" style={{ width: `${fraction * 100}%` }} />
                </div>
                <span className="run-progress-text">
                  {run.step}/{run.totalSteps} steps · {status}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
