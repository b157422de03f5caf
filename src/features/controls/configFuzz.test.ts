import { describe, expect, it } from 'vitest';
import type { CONFIG_SCHEMA } from '../../core/config/configSchema';
import { CONFIG_KEYS, parseFieldValue } from '../../core/config/configSchema';
import { DEFAULT_CONFIG } from '../../core/config/experimentConfig';
import { validateConfig } from '../../core/config/validateConfig';
import { createRng, type Rng } from '../../core/random/rng';
import { parseResultJson } from '../runs/exportImport';
import { configFromSearch, configToSearch } from './urlConfig';

/**
 * Fuzz: ≥ 10,000 random and mutated configs and URLs through every config boundary (JSON/CLI
 * validation, URL parsing, result import). Nothing may throw, and every rejection carries a message
 * that names a field.
 */
const ATOMS: unknown[] = [
  0,
  -1,
  1,
  0.5,
  1e9,
  -1e-9,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  'x',
  '1e3',
  '0x10',
  'ViT-S/4',
  'ViT-/4',
  'uniform',
  'rho,rho',
  true,
  false,
  null,
  undefined,
  [],
  ['hard'],
  {},
  { a: 1 },
  '__proto__',
  'constructor',
];

function randomValue(rng: Rng): unknown {
  const pick = rng.int(4);
  if (pick === 0) return ATOMS[rng.int(ATOMS.length)];
  if (pick === 1) return (rng.next() - 0.5) * 10 ** rng.int(7);
  if (pick === 2) return Array.from({ length: rng.int(12) }, () => String.fromCharCode(32 + rng.int(95))).join('');
  const key = CONFIG_KEYS[rng.int(CONFIG_KEYS.length)] as keyof typeof DEFAULT_CONFIG;
  return DEFAULT_CONFIG[key]; // a valid value of some (possibly other) field
}

function mutatedConfig(rng: Rng): Record<string, unknown> {
  const config: Record<string, unknown> = rng.next() < 0.5 ? {} : { ...DEFAULT_CONFIG };
  for (let i = rng.int(5); i >= 0; i--) {
    const key = rng.next() < 0.9 ? (CONFIG_KEYS[rng.int(CONFIG_KEYS.length)] as string) : `unknown${rng.int(3)}`;
    config[key] = randomValue(rng);
  }
  return config;
}

function mutatedSearch(rng: Rng): string {
  const base = configToSearch({ ...DEFAULT_CONFIG, seed: rng.int(100) });
  const chars = base.split('');
  for (let i = rng.int(6); i >= 0; i--) {
    const at = rng.int(chars.length + 1);
    const op = rng.int(3);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, '&=%?,#'[rng.int(6)] as string);
    else chars.splice(at, 0, `${CONFIG_KEYS[rng.int(CONFIG_KEYS.length)]}=${String(randomValue(rng))}&`);
  }
  return chars.join('');
}

const namesAField = (message: string) => /^[A-Za-z(][\w.[\]() ]*:/.test(message) || message.startsWith('unknown URL parameter');

describe('config fuzz (10,000+ inputs per boundary)', () => {
  it('validateConfig never throws and names a field in every rejection', () => {
    const rng = createRng(2026);
    let rejected = 0;
    for (let i = 0; i < 10_000; i++) {
      const result = validateConfig(mutatedConfig(rng));
      if (!result.ok) {
        rejected++;
        for (const error of result.errors) {
          expect(error.message.length).toBeGreaterThan(10);
          expect(namesAField(error.message), error.message).toBe(true);
        }
      }
    }
    expect(rejected).toBeGreaterThan(1000); // the fuzzer does reach the rejection paths
  });

  it('parseFieldValue never throws on any string for any field', () => {
    const rng = createRng(7);
    for (let i = 0; i < 10_000; i++) {
      const key = CONFIG_KEYS[rng.int(CONFIG_KEYS.length)] as keyof typeof CONFIG_SCHEMA;
      const parsed = parseFieldValue(key, String(randomValue(rng)));
      if (!parsed.ok) expect(parsed.message.startsWith(`${key}:`), parsed.message).toBe(true);
    }
  });

  it('configFromSearch never throws, always returns a valid config, and explains each rejection', () => {
    const rng = createRng(11);
    let withErrors = 0;
    for (let i = 0; i < 10_000; i++) {
      const parsed = configFromSearch(mutatedSearch(rng));
      expect(validateConfig(parsed.config).ok).toBe(true);
      if (parsed.errors.length > 0) withErrors++;
      for (const error of parsed.errors) expect(namesAField(error.message), error.message).toBe(true);
    }
    expect(withErrors).toBeGreaterThan(1000);
  });

  it('parseResultJson never throws on mutated result files', () => {
    const rng = createRng(5);
    const valid = JSON.stringify({ config: DEFAULT_CONFIG, backend: 'wasm', runs: [], comparisons: [] });
    for (let i = 0; i < 10_000; i++) {
      const chars = valid.split('');
      for (let j = rng.int(4); j >= 0; j--) chars.splice(rng.int(chars.length), rng.int(3), String.fromCharCode(32 + rng.int(95)));
      const parsed = parseResultJson(chars.join(''));
      if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(5);
    }
  });
});
