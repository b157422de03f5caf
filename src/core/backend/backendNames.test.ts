import { describe, expect, it } from 'vitest';
import { parseBackendOverride } from './backendNames';
import { candidateOrder } from './selectBackend';

describe('parseBackendOverride', () => {
  it('accepts each backend name, case-insensitively', () => {
    expect(parseBackendOverride('WASM')).toEqual({ ok: true, backend: 'wasm' });
    expect(parseBackendOverride('webgpu')).toEqual({ ok: true, backend: 'webgpu' });
  });
  it('treats a missing or empty value as automatic', () => {
    expect(parseBackendOverride(null)).toEqual({ ok: true, backend: null });
    expect(parseBackendOverride('  ')).toEqual({ ok: true, backend: null });
  });
  it('rejects unknown names with a message naming the field, the value and the allowed values', () => {
    const parsed = parseBackendOverride('nonsense');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('backend');
    expect(parsed.message).toContain('"nonsense"');
    expect(parsed.message).toContain('webgpu, webgl, wasm, cpu');
  });
});

describe('candidateOrder', () => {
  it('tries the best backend first and falls back downwards from an override', () => {
    expect(candidateOrder(null)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(candidateOrder('webgl')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(candidateOrder('cpu')).toEqual(['cpu']);
  });
});
