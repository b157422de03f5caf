import { BACKEND_LABELS } from '../../core/backend/backendNames';
import type { CapabilityReport } from '../../core/backend/selectBackend';
import { adapterLabel } from '../../core/backend/webgpuAdapter';

/** "WebGPU · google/swiftshader", "WebGL (WebGPU unavailable: no adapter)", "WASM (requested)". */
export function badgeText(report: CapabilityReport): string {
  const label = BACKEND_LABELS[report.backend];
  if (report.adapter) return `${label} · ${adapterLabel(report.adapter)}`;
  if (report.requested === report.backend) return `${label} (requested)`;
  const firstSkip = report.skipped[0];
  return firstSkip ? `${label} (${BACKEND_LABELS[firstSkip.backend]} unavailable: ${firstSkip.reason})` : label;
}
