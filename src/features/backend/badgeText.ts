import { BACKEND_LABELS } from '../../core/backend/backendNames';
import { backendWithThreads } from '../../core/backend/backendProbe';
import type { CapabilityReport } from '../../core/backend/selectBackend';
import { adapterLabel } from '../../core/backend/webgpuAdapter';

/**
 * "WebGPU · google/swiftshader", "WASM ×2 threads — 40× faster than WebGPU on this device",
 * "WASM ×1 thread (requested; page not cross-origin isolated)", "WebGL (WebGPU unavailable: no adapter)".
 */
export function badgeText(report: CapabilityReport): string {
  const label = backendWithThreads(report.backend, report.threads?.threads ?? null);
  const threadNote = report.threads?.reason ? `; ${report.threads.reason}` : '';
  if (report.probe) return `${report.probe.reason}${threadNote ? ` (${threadNote.slice(2)})` : ''}`;
  if (report.adapter) return `${label} · ${adapterLabel(report.adapter)}`;
  if (report.requested === report.backend) return `${label} (requested${threadNote})`;
  const firstSkip = report.skipped[0];
  if (firstSkip) return `${label} (${BACKEND_LABELS[firstSkip.backend]} unavailable: ${firstSkip.reason}${threadNote})`;
  return threadNote ? `${label} (${threadNote.slice(2)})` : label;
}
