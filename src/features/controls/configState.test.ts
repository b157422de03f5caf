import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET } from '../../core/config/presets';
import { baseConfigFor } from './urlConfig';
import { initialConfigState, searchFor, withConfig, withPreset } from './configState';

describe('config state', () => {
  it('starts from the URL: the default preset when none is named, URL errors kept', () => {
    const s = initialConfigState('?steps=abc&backend=wasm');
    expect(s.preset).toBe(DEFAULT_PRESET);
    expect(s.config).toEqual(baseConfigFor(null));
    expect(s.validConfig).toEqual(s.config);
    expect(s.errors.map((e) => e.field)).toEqual(['steps']);
  });

  it('keeps an invalid draft visible with its errors and no valid config', () => {
    const s = initialConfigState('');
    const bad = withConfig(s, { ...s.config, steps: 10 });
    expect(bad.config.steps).toBe(10);
    expect(bad.validConfig).toBeNull();
    expect(bad.errors).toEqual([{ field: 'evalEvery', message: 'evalEvery: 25 exceeds steps 10; allowed 1–10' }]);
    const fixed = withConfig(bad, { ...bad.config, evalEvery: 5 });
    expect(fixed.errors).toEqual([]);
    expect(fixed.validConfig).toEqual({ ...s.config, steps: 10, evalEvery: 5 });
  });

  it('applies presets; an unknown name changes nothing but says why', () => {
    const s = withPreset(initialConfigState(''), 'micro');
    expect(s.preset).toBe('micro');
    expect(s.config).toEqual(baseConfigFor('micro'));
    const same = withPreset(s, 'nope');
    expect(same.config).toBe(s.config);
    expect(same.errors[0]?.message).toContain('preset: "nope" is not a preset');
  });

  it('mirrors into the URL, keeping backend and leaving out the default preset', () => {
    const config = { ...baseConfigFor(null), seed: 3 };
    expect(searchFor(config, DEFAULT_PRESET, '?backend=wasm&seed=1')).toBe('?seed=3&backend=wasm');
    expect(searchFor(baseConfigFor('clean'), 'clean', '')).toBe('?preset=clean');
    expect(searchFor(baseConfigFor(null), null, '?x=1')).toBe('');
  });
});
