import { describe, expect, it } from 'vitest';
import { parseVitVariant } from '../models/vitVariants';
import { checkField, parseFieldValue } from './configSchema';
import { findPreset } from './presets';
import { validateConfig } from './validateConfig';

/** Names every object inherits from Object.prototype: none may pass a registry lookup. */
const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

describe('registry lookups take own keys only', () => {
  it.each(INHERITED)('preset %s is not a preset', (name) => {
    expect(findPreset(name)).toEqual({
      error: expect.stringMatching(new RegExp(`^preset: "${name}" is not a preset; allowed values: noisy-labels, clean,`)),
    });
  });

  it.each(INHERITED.filter((n) => /^[A-Za-z]+$/.test(n)))('ViT size %s is not a size', (size) => {
    expect(parseVitVariant(`ViT-${size}/4`)).toEqual({
      ok: false,
      message: `"ViT-${size}/4": unknown size "${size}"; allowed sizes: B, S, Ti, Mi, Mu`,
    });
    expect(checkField('scorer', `ViT-${size}/4`)).toBe(`scorer: "ViT-${size}/4": unknown size "${size}"; allowed sizes: B, S, Ti, Mi, Mu`);
  });

  it.each(INHERITED)('config key %s is an unknown setting, never copied into the config', (key) => {
    const input = JSON.parse(`{"${key}": 1}`) as Record<string, unknown>;
    const result = validateConfig(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors[0]?.message).toMatch(new RegExp(`^${key}: unknown setting; known settings: dataset, `));
  });
});

describe('numbers from text are decimal and finite', () => {
  it.each([
    [
      'steps',
      '0x10',
      'steps: "0x10" is not allowed; expected an integer from 1 to 100000 written as a decimal number (digits, optional . and exponent)',
    ],
    [
      'seed',
      '0b11',
      'seed: "0b11" is not allowed; expected an integer from 0 to 2147483647 written as a decimal number (digits, optional . and exponent)',
    ],
    ['steps', 'Infinity', 'steps: "Infinity" is not allowed; expected an integer from 1 to 100000'],
    ['steps', '', 'steps: "" is not allowed; expected an integer from 1 to 100000'],
  ] as const)('%s = %j is refused', (key, raw, message) => {
    expect(parseFieldValue(key, raw)).toEqual({ ok: false, message });
  });

  it('names a non-finite value as such (JSON 1e999 reads as Infinity)', () => {
    expect(checkField('steps', Number.POSITIVE_INFINITY)).toBe(
      'steps: Infinity is not a finite number (numbers beyond ±1.8e308, such as 1e999, read as Infinity); expected an integer from 1 to 100000',
    );
    expect(checkField('labelNoise', Number.NaN)).toBe('labelNoise: NaN is not a number; expected a number from 0 to 0.9');
  });
});
