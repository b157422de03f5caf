import * as tf from '@tensorflow/tfjs';
import type { BackendName } from './backendNames';
import { cachedTimings, probeCacheKey, probeReason, rankByTiming, type ProbeTiming } from './backendProbe';
import { probeBackends } from './probeBackends';
import { prepareBackends, selectBackend, type CapabilityReport, type SelectBackendOptions } from './selectBackend';
import { describeWebGpuAdapter } from './webgpuAdapter';

export interface ChooseBackendOptions extends SelectBackendOptions {
  /** Stored probe results (the page's localStorage entry, as parsed); anything malformed means "probe again". */
  probeCache?: unknown;
}

/** Backends worth probing: registered, with an adapter for WebGPU. CPU is only ever the last fallback. */
async function probeCandidates(): Promise<{ candidates: BackendName[]; adapter: Awaited<ReturnType<typeof describeWebGpuAdapter>> }> {
  const adapter = await describeWebGpuAdapter();
  const candidates = (['webgpu', 'webgl', 'wasm'] as const).filter(
    (b) => tf.findBackendFactory(b) !== null && (b !== 'webgpu' || adapter.ok),
  );
  return { candidates, adapter };
}

/**
 * The backend the lab runs on: `requested` wins; otherwise the fastest in a short probe of a few
 * micro-learner steps per backend (cached per device and browser), with the reason in the report.
 */
export async function chooseBackend(options: ChooseBackendOptions = {}): Promise<CapabilityReport> {
  if (options.requested) return selectBackend(options);
  const threadPlan = prepareBackends(options);
  const { candidates, adapter } = await probeCandidates();
  if (candidates.length < 2) return selectBackend(options);
  const scope = globalThis as { navigator?: { userAgent?: string; hardwareConcurrency?: number }; crossOriginIsolated?: boolean };
  const key = probeCacheKey({
    userAgent: scope.navigator?.userAgent ?? 'unknown runtime',
    adapter: adapter.ok ? adapter.adapter : null,
    crossOriginIsolated: scope.crossOriginIsolated === true,
    hardwareConcurrency: scope.navigator?.hardwareConcurrency ?? 1,
  });
  const cached = cachedTimings(options.probeCache, key);
  const timings: ProbeTiming[] = cached ?? (await probeBackends(candidates));
  const ranked = rankByTiming(timings);
  const winner = ranked[0]?.msPerStep !== null ? ranked[0]?.backend : undefined;
  if (!winner) return selectBackend(options);
  const chosen = await selectBackend({ ...options, requested: winner });
  const losers = ranked.filter((t) => t.backend !== chosen.backend);
  const report: CapabilityReport = {
    ...chosen,
    requested: null,
    skipped: [
      ...losers.map((t) => ({
        backend: t.backend,
        reason: t.msPerStep === null ? (t.note ?? 'did not run') : `${t.msPerStep.toFixed(1)} ms per probe step`,
      })),
      ...(adapter.ok ? [] : [{ backend: 'webgpu' as const, reason: adapter.reason }]),
      ...chosen.skipped.filter((s) => !losers.some((t) => t.backend === s.backend) && s.backend !== 'webgpu'),
    ],
    probe: {
      timings,
      cached: cached !== null,
      key,
      reason: probeReason(ranked, chosen.threads?.threads ?? (chosen.backend === 'wasm' ? threadPlan.threads : null)),
    },
  };
  return report;
}
