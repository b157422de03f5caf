import { describe, expect, it } from 'vitest';
import { probeOrder } from './probeBackends';
import {
  backendWithThreads,
  cachedTimings,
  probeCacheKey,
  probeReason,
  probeTimingsText,
  rankByTiming,
  type ProbeTiming,
} from './backendProbe';

const swiftshader = { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader', isFallbackAdapter: true };

describe('rankByTiming', () => {
  it('puts the fastest first and backends that did not run last', () => {
    const timings: ProbeTiming[] = [
      { backend: 'webgpu', msPerStep: 800 },
      { backend: 'webgl', msPerStep: null, note: 'no GL context' },
      { backend: 'wasm', msPerStep: 20 },
    ];
    expect(rankByTiming(timings).map((t) => t.backend)).toEqual(['wasm', 'webgpu', 'webgl']);
  });

  it('keeps the GPU first on a tie and does not mutate its input', () => {
    const timings: ProbeTiming[] = [
      { backend: 'wasm', msPerStep: 10 },
      { backend: 'webgpu', msPerStep: 10 },
    ];
    expect(rankByTiming(timings).map((t) => t.backend)).toEqual(['webgpu', 'wasm']);
    expect(timings[0]?.backend).toBe('wasm');
  });
});

describe('probeReason (the badge text)', () => {
  it('names the winner with its threads and how much faster it is than the runner-up', () => {
    const ranked = rankByTiming([
      { backend: 'webgpu', msPerStep: 800 },
      { backend: 'wasm', msPerStep: 20 },
    ]);
    expect(probeReason(ranked, 2)).toBe('WASM ×2 threads — 40× faster than WebGPU on this device');
  });

  it('uses one decimal under 10× and says "as fast as" within 5%', () => {
    expect(
      probeReason(
        [
          { backend: 'webgpu', msPerStep: 10 },
          { backend: 'wasm', msPerStep: 25 },
        ],
        null,
      ),
    ).toBe('WebGPU — 2.5× faster than WASM on this device');
    expect(
      probeReason(
        [
          { backend: 'wasm', msPerStep: 10 },
          { backend: 'webgl', msPerStep: 10.2 },
        ],
        1,
      ),
    ).toBe('WASM ×1 thread — as fast as WebGL on this device');
  });

  it('ranks a backend cut off by the budget by its lower bound and says "over"', () => {
    const ranked = rankByTiming([
      { backend: 'webgpu', msPerStep: null, overMs: 1600, note: 'no step finished within 1600 ms' },
      { backend: 'webgl', msPerStep: null, note: 'no GL context' },
      { backend: 'wasm', msPerStep: 20 },
    ]);
    expect(ranked.map((t) => t.backend)).toEqual(['wasm', 'webgpu', 'webgl']);
    expect(probeReason(ranked, 2)).toBe('WASM ×2 threads — over 80× faster than WebGPU on this device');
    expect(probeTimingsText(ranked)).toBe('WASM 20.0 ms · WebGPU > 1600 ms · WebGL – (no GL context)');
  });

  it('says when only one backend ran, or none did', () => {
    expect(
      probeReason(
        [
          { backend: 'wasm', msPerStep: 10 },
          { backend: 'webgl', msPerStep: null },
        ],
        4,
      ),
    ).toBe('WASM ×4 threads — the only backend that ran on this device');
    expect(probeReason([{ backend: 'webgl', msPerStep: null }], null)).toBe('no backend finished the probe');
  });
});

describe('backendWithThreads', () => {
  it('adds threads to WASM only', () => {
    expect(backendWithThreads('wasm', 8)).toBe('WASM ×8 threads');
    expect(backendWithThreads('webgpu', 8)).toBe('WebGPU');
    expect(backendWithThreads('wasm', null)).toBe('WASM');
  });
});

describe('probeCacheKey', () => {
  const base = { userAgent: 'Chrome/140', adapter: swiftshader, crossOriginIsolated: true, hardwareConcurrency: 2 };
  it('differs when the browser, adapter, isolation or core count differ', () => {
    const key = probeCacheKey(base);
    expect(probeCacheKey({ ...base })).toBe(key);
    for (const other of [{ userAgent: 'Firefox/140' }, { adapter: null }, { crossOriginIsolated: false }, { hardwareConcurrency: 8 }]) {
      expect(probeCacheKey({ ...base, ...other })).not.toBe(key);
    }
    expect(key).toContain('google/swiftshader');
  });
});

describe('cachedTimings', () => {
  const key = 'k';
  const timings: ProbeTiming[] = [
    { backend: 'wasm', msPerStep: 12 },
    { backend: 'webgpu', msPerStep: null, note: 'x' },
  ];
  it('returns the stored timings for the key', () => {
    expect(cachedTimings({ k: { key, timings, measuredAt: 'now' } }, key)).toEqual(timings);
  });

  it('treats anything missing or malformed as "probe again"', () => {
    expect(cachedTimings(null, key)).toBeNull();
    expect(cachedTimings('junk', key)).toBeNull();
    expect(cachedTimings({ other: { key: 'other', timings, measuredAt: 'now' } }, key)).toBeNull();
    expect(cachedTimings({ k: { key, timings: [], measuredAt: 'now' } }, key)).toBeNull();
    expect(cachedTimings({ k: { key, timings: [{ backend: 'tpu', msPerStep: 1 }], measuredAt: 'now' } }, key)).toBeNull();
    expect(cachedTimings({ k: { key, timings: [{ backend: 'wasm', msPerStep: -1 }], measuredAt: 'now' } }, key)).toBeNull();
    expect(
      cachedTimings({ k: { key, timings: [{ backend: 'webgpu', msPerStep: null, overMs: 'x' }], measuredAt: 'now' } }, key),
    ).toBeNull();
  });
});

describe('probeTimingsText', () => {
  it('lists each backend with its ms per step or why it did not run', () => {
    expect(
      probeTimingsText([
        { backend: 'wasm', msPerStep: 12.34 },
        { backend: 'webgl', msPerStep: null, note: 'no GL' },
      ]),
    ).toBe('WASM 12.3 ms · WebGL – (no GL)');
  });
});

describe('probeOrder', () => {
  it('probes wasm first (no compile), then the GPU backends in their order', () => {
    expect(probeOrder(['webgpu', 'webgl', 'wasm'])).toEqual(['wasm', 'webgpu', 'webgl']);
  });
});
