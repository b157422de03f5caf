import { BACKEND_LABELS } from '../../core/backend/backendNames';
import type { BackendState } from './useBackendSession';
import { badgeText } from './badgeText';

export function BackendBadge({ state }: { state: BackendState }) {
  if (state.status === 'starting') {
    return (
      <span className="badge badge-pending" data-testid="backend-badge" role="status" aria-live="polite">
        Starting compute backend…
      </span>
    );
  }
  if (state.status === 'failed') {
    return (
      <span className="badge badge-error" data-testid="backend-badge" role="alert">
        No compute backend: {state.message}
      </span>
    );
  }
  const { report } = state;
  const details = report.skipped.map((s) => `${BACKEND_LABELS[s.backend]}: ${s.reason}`).join('\n');
  return (
    <span
      className={`badge badge-${report.backend}`}
      data-testid="backend-badge"
      data-backend={report.backend}
      role="status"
      aria-live="polite"
      title={details ? `Skipped backends\n${details}` : 'Best backend available'}
    >
      {badgeText(report)}
    </span>
  );
}
