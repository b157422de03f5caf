import { describe, expect, it } from 'vitest';
import type { CapabilityReport } from '../../core/backend/selectBackend';
import { badgeText } from './badgeText';

const base: CapabilityReport = { backend: 'wasm', requested: null, adapter: null, skipped: [] };
const swiftshader = { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: true };

describe('badgeText', () => {
  it('shows the thread count and the probe reason when chosen by measurement', () => {
    const report: CapabilityReport = {
      ...base,
      threads: { threads: 2, reason: null },
      probe: { timings: [], cached: false, key: 'k', reason: 'WASM ×2 threads — 40× faster than WebGPU on this device' },
    };
    expect(badgeText(report)).toBe('WASM ×2 threads — 40× faster than WebGPU on this device');
  });

  it('says why wasm runs on one thread', () => {
    const report: CapabilityReport = { ...base, requested: 'wasm', threads: { threads: 1, reason: 'page not cross-origin isolated' } };
    expect(badgeText(report)).toBe('WASM ×1 thread (requested; page not cross-origin isolated)');
  });

  it('keeps the adapter label for a requested WebGPU and the skip reason for a fallback', () => {
    expect(badgeText({ ...base, backend: 'webgpu', requested: 'webgpu', adapter: swiftshader })).toBe('WebGPU · google/swiftshader');
    expect(badgeText({ ...base, backend: 'webgl', skipped: [{ backend: 'webgpu', reason: 'no adapter' }] })).toBe(
      'WebGL (WebGPU unavailable: no adapter)',
    );
  });
});
