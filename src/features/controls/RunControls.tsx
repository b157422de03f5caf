import type { ExperimentStatus } from '../experiment/liveState';

interface Props {
  status: ExperimentStatus;
  canRun: boolean;
  /** Why Run is disabled (invalid settings, backend still starting), read to screen readers. */
  blockedReason: string | null;
  onRun: () => void;
  onRunLadder: () => void;
  onStop: () => void;
  onCopyLink: () => void;
  linkMessage: string | null;
}

/** Run / stop, the one-click scorer ladder and the shareable link. */
export function RunControls({ status, canRun, blockedReason, onRun, onRunLadder, onStop, onCopyLink, linkMessage }: Props) {
  const running = status === 'running';
  return (
    <div className="run-controls" role="group" aria-label="Run the experiment">
      <button
        type="button"
        className="primary"
        onClick={onRun}
        disabled={running || !canRun}
        aria-describedby={blockedReason ? 'run-blocked' : undefined}
      >
        Run
      </button>
      <button type="button" onClick={onStop} disabled={!running}>
        Stop
      </button>
      <button
        type="button"
        onClick={onRunLadder}
        disabled={running || !canRun}
        title="IID plus learnability with each scorer of the ladder: fills the Pareto chart"
      >
        Run scorer ladder
      </button>
      <button type="button" onClick={onCopyLink}>
        Copy link
      </button>
      {blockedReason && (
        <p id="run-blocked" className="hint">
          {blockedReason}
        </p>
      )}
      <p className="hint" role="status" aria-live="polite" data-testid="link-status">
        {linkMessage ?? ''}
      </p>
    </div>
  );
}
