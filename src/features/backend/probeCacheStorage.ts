import { PROBE_CACHE_STORAGE_KEY, type BackendProbeSummary, type ProbeCache } from '../../core/backend/backendProbe';

/** The stored backend-probe results of this browser (one entry per device key); null when there are none or storage is off. */
export function readProbeCache(): ProbeCache | null {
  try {
    const raw = globalThis.localStorage?.getItem(PROBE_CACHE_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as ProbeCache) : null;
  } catch {
    return null;
  }
}

/** Keeps a fresh probe's timings for this device, so the next visit skips the probe. Storage errors only cost a re-probe. */
export function storeProbeResult(probe: BackendProbeSummary): void {
  try {
    const cache = readProbeCache() ?? {};
    cache[probe.key] = { key: probe.key, timings: probe.timings, measuredAt: new Date().toISOString() };
    globalThis.localStorage?.setItem(PROBE_CACHE_STORAGE_KEY, JSON.stringify(cache));
  } catch {
    // Private mode or a full quota: the probe simply runs again next time.
  }
}
