import { parseFieldValue } from '../config/configSchema';
import type { ExperimentConfig } from '../config/experimentConfig';

/**
 * Sweep keys (docs/architecture.md, "Sweeps"): the short name on the command line and the config
 * field it sets. The order here is the order of a grid's axes (rows ρ, columns τ).
 */
export const SWEEP_KEYS = { rho: 'filterRatio', tau: 'temperature', steps: 'steps', scorer: 'scorer' } as const satisfies Record<
  string,
  keyof ExperimentConfig
>;
export type SweepKey = keyof typeof SWEEP_KEYS;
export const SWEEP_KEY_NAMES = Object.keys(SWEEP_KEYS) as SweepKey[];

/** More cells than this is refused: each cell trains at least one model to the full budget. */
export const MAX_GRID_CELLS = 64;

export type SweepValue = number | string;

export interface SweepAxis {
  key: SweepKey;
  field: keyof ExperimentConfig;
  values: SweepValue[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const allowedKeys = () => SWEEP_KEY_NAMES.map((k) => (k === SWEEP_KEYS[k] ? k : `${k} (${SWEEP_KEYS[k]})`)).join(', ');

/** `rho=1.5,2,4` → the axis, each value checked against the config schema; or a message naming the key and what is allowed. */
export function parseSweepSpec(raw: string): Parsed<SweepAxis> {
  const eq = raw.indexOf('=');
  const name = (eq === -1 ? raw : raw.slice(0, eq)).trim();
  if (eq === -1 || !Object.hasOwn(SWEEP_KEYS, name)) {
    return {
      ok: false,
      message: `sweep: "${raw}" is not a sweep; expected KEY=V1,V2,… with KEY one of ${allowedKeys()}, e.g. rho=1.5,2,4`,
    };
  }
  const key = name as SweepKey;
  const field = SWEEP_KEYS[key];
  const parts = raw
    .slice(eq + 1)
    .split(',')
    .map((s) => s.trim());
  if (parts.length === 0 || parts.some((s) => s === '')) {
    return { ok: false, message: `sweep: ${key} needs a comma-separated list of values with none empty, e.g. ${key}=${example(key)}` };
  }
  const values: SweepValue[] = [];
  for (const part of parts) {
    const parsed = parseFieldValue(field, part);
    if (!parsed.ok) {
      const label = key === field ? key : `${key} (${field})`;
      return { ok: false, message: `sweep: ${label}${parsed.message.slice(field.length)}` };
    }
    const value = parsed.value as SweepValue;
    if (values.includes(value)) return { ok: false, message: `sweep: ${key} lists ${String(value)} twice; give each value once` };
    values.push(value);
  }
  return { ok: true, value: { key, field, values } };
}

function example(key: SweepKey): string {
  return { rho: '1.5,2,4', tau: '0,0.1,1', steps: '200,400,800', scorer: 'ViT-Mi/4,ViT-Mu/8' }[key];
}

/** Several axes: one key each, at most MAX_GRID_CELLS cells in all; returned in SWEEP_KEYS order. */
export function combineAxes(axes: readonly SweepAxis[]): Parsed<SweepAxis[]> {
  const seen = new Set<SweepKey>();
  for (const axis of axes) {
    if (seen.has(axis.key)) {
      return {
        ok: false,
        message: `sweep: ${axis.key} is given twice; give each key once with all its values, e.g. --sweep ${axis.key}=${example(axis.key)}`,
      };
    }
    seen.add(axis.key);
  }
  const cells = axes.reduce((n, a) => n * a.values.length, 1);
  if (cells > MAX_GRID_CELLS) {
    const sizes = axes.map((a) => `${a.values.length} ${a.key}`).join(' × ');
    return {
      ok: false,
      message: `sweep: the grid has ${sizes} = ${cells} cells; at most ${MAX_GRID_CELLS} are allowed, give fewer values`,
    };
  }
  const ordered = [...axes].sort((a, b) => SWEEP_KEY_NAMES.indexOf(a.key) - SWEEP_KEY_NAMES.indexOf(b.key));
  return { ok: true, value: ordered };
}

/** Parses and combines every `--sweep` given. */
export function parseSweepSpecs(raws: readonly string[]): Parsed<SweepAxis[]> {
  const axes: SweepAxis[] = [];
  for (const raw of raws) {
    const parsed = parseSweepSpec(raw);
    if (!parsed.ok) return parsed;
    axes.push(parsed.value);
  }
  return combineAxes(axes);
}
