import { BACKEND_LABELS, BACKEND_ORDER, type BackendName } from './backendNames';
import type { AdapterInfo } from './webgpuAdapter';

/** One backend's result in the start-up probe: ms per micro-learner step, or why it could not run. */
export interface ProbeTiming {
  backend: BackendName;
  /** Median ms per step after a warm-up step; null when the backend could not run. */
  msPerStep: number | null;
  /** Set when the probe cut the backend off: not one step finished within this many ms (a lower bound). */
  overMs?: number;
  /** Why msPerStep is null, or that it is only the warm-up step (the budget ran out before a timed one). */
  note?: string;
}

/** What the report carries when the backend was chosen by measurement. */
export interface BackendProbeSummary {
  timings: ProbeTiming[];
  /** True when the timings came from this device's cache instead of a fresh probe. */
  cached: boolean;
  /** The cache key of this device and browser (probeCacheKey), under which the page stores fresh timings. */
  key: string;
  /** Why the winner runs, for the badge: "WASM ×2 threads — 40× faster than WebGPU on this device". */
  reason: string;
}

/** A probe result as stored per device and browser (localStorage, written by the page, read by the worker). */
export interface ProbeRecord {
  key: string;
  timings: ProbeTiming[];
  measuredAt: string;
}

/** Every stored record, by key; the page keeps it under one localStorage entry. */
export type ProbeCache = Record<string, ProbeRecord>;

export const PROBE_CACHE_STORAGE_KEY = 'learnability-lab:backend-probe:v1';

/** What identifies "this device and browser" for the cache: same key, same ranking expected. */
export interface ProbeContext {
  userAgent: string;
  adapter: AdapterInfo | null;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

export function probeCacheKey(context: ProbeContext): string {
  const adapter = context.adapter
    ? `${context.adapter.vendor}/${context.adapter.architecture}/${context.adapter.description}${context.adapter.isFallbackAdapter ? '/fallback' : ''}`
    : 'no-webgpu-adapter';
  return [
    context.userAgent,
    adapter,
    context.crossOriginIsolated ? 'isolated' : 'not-isolated',
    `${context.hardwareConcurrency} cores`,
  ].join(' | ');
}

/**
 * Fastest first; backends that could not run go last. Equal times keep BACKEND_ORDER (GPU first),
 * so a tie never demotes the GPU.
 */
export function rankByTiming(timings: readonly ProbeTiming[]): ProbeTiming[] {
  const rank = (t: ProbeTiming) => t.msPerStep ?? t.overMs ?? Infinity;
  return [...timings].sort((a, b) => rank(a) - rank(b) || BACKEND_ORDER.indexOf(a.backend) - BACKEND_ORDER.indexOf(b.backend));
}

/** The label of a backend with its threads: "WASM ×2 threads", "WebGPU". */
export function backendWithThreads(backend: BackendName, threads: number | null): string {
  const label = BACKEND_LABELS[backend];
  if (backend !== 'wasm' || threads === null) return label;
  return `${label} ×${threads} thread${threads === 1 ? '' : 's'}`;
}

const times = (ratio: number) => (ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1));

/**
 * Why the winner was chosen, against the runner-up that did run: "WASM ×2 threads — 40× faster
 * than WebGPU on this device"; or that nothing else ran.
 */
export function probeReason(ranked: readonly ProbeTiming[], threads: number | null): string {
  const [winner, ...rest] = ranked;
  if (!winner || winner.msPerStep === null) return 'no backend finished the probe';
  const name = backendWithThreads(winner.backend, threads);
  const runnerUp = rest.find((t) => t.msPerStep !== null || t.overMs !== undefined);
  const runnerUpMs = runnerUp?.msPerStep ?? runnerUp?.overMs;
  if (!runnerUp || runnerUpMs === undefined) return `${name} — the only backend that ran on this device`;
  const ratio = runnerUpMs / Math.max(winner.msPerStep, 1e-6);
  if (runnerUp.msPerStep === null) return `${name} — over ${times(ratio)}× faster than ${BACKEND_LABELS[runnerUp.backend]} on this device`;
  if (ratio < 1.05) return `${name} — as fast as ${BACKEND_LABELS[runnerUp.backend]} on this device`;
  return `${name} — ${times(ratio)}× faster than ${BACKEND_LABELS[runnerUp.backend]} on this device`;
}

/** The cached timings for this key, if they are well-formed; anything else means "probe again". */
export function cachedTimings(cache: unknown, key: string): ProbeTiming[] | null {
  if (typeof cache !== 'object' || cache === null) return null;
  const record = (cache as Record<string, unknown>)[key] as Partial<ProbeRecord> | undefined;
  if (!record || record.key !== key || !Array.isArray(record.timings) || record.timings.length === 0) return null;
  const valid = record.timings.every(
    (t: Partial<ProbeTiming>) =>
      typeof t === 'object' &&
      t !== null &&
      (BACKEND_ORDER as readonly string[]).includes(t.backend as string) &&
      (t.msPerStep === null || (typeof t.msPerStep === 'number' && t.msPerStep > 0)) &&
      (t.overMs === undefined || (typeof t.overMs === 'number' && t.overMs > 0)),
  );
  return valid ? record.timings : null;
}

/** For the badge's tooltip: "WebGPU 812.0 ms · WASM 20.1 ms per probe step". */
export function probeTimingsText(timings: readonly ProbeTiming[]): string {
  return timings
    .map(
      (t) =>
        `${BACKEND_LABELS[t.backend]} ${t.msPerStep === null ? (t.overMs !== undefined ? `> ${t.overMs.toFixed(0)} ms` : `– (${t.note ?? 'did not run'})`) : `${t.msPerStep.toFixed(1)} ms`}`,
    )
    .join(' · ');
}
