import { BACKEND_LABELS } from '../../core/backend/backendNames';
import { probeTimingsText } from '../../core/backend/backendProbe';
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
  const probe = report.probe
    ? `Chosen by measurement${report.probe.cached ? ' (cached for this device)' : ''}: ${probeTimingsText(report.probe.timings)} per step\n`
    : '';
  return (
    <span
      className={`badge badge-${report.backend}`}
      data-testid="backend-badge"
      data-backend={report.backend}
      data-threads={report.threads?.threads}
      role="status"
      aria-live="polite"
      title={`${probe}${details ? `Skipped backends\n${details}` : 'Best backend available'}`}
    >
      {badgeText(report)}
    </span>
  );
}
