import { CONFIG_KEYS, CONFIG_SCHEMA, parseFieldValue } from '../../core/config/configSchema';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../core/config/experimentConfig';
import { DEFAULT_PRESET, findPreset } from '../../core/config/presets';
import { validateConfig, type ConfigError } from '../../core/config/validateConfig';

/**
 * The whole ExperimentConfig in the page URL: `?preset=clean&steps=200&policies=uniform,hard`.
 * URL keys are the config keys (camelCase); lists are comma-separated. Only keys that differ from
 * the base are written, where the base is the named preset (or DEFAULT_PRESET when none is named)
 * over DEFAULT_CONFIG — the same base configFromSearch starts from, so every config round-trips.
 */

export interface UrlExtras {
  preset?: string;
  backend?: string;
}

export interface ConfigFromSearch {
  config: ExperimentConfig;
  /** The preset named by `?preset=` when it is a known preset, else null. */
  preset: string | null;
  errors: ConfigError[];
}

/** URL parameters that are not config keys but are understood. */
const EXTRA_KEYS = new Set(['preset', 'backend', 'testHooks']);

function copyConfig(config: Readonly<ExperimentConfig>): ExperimentConfig {
  return { ...config, policies: [...config.policies] };
}

/** The config a URL starts from: a preset over DEFAULT_CONFIG (DEFAULT_PRESET when none is named or it is unknown). */
export function baseConfigFor(preset: string | null | undefined): ExperimentConfig {
  const found = findPreset(preset ?? DEFAULT_PRESET);
  const chosen = 'error' in found ? findPreset(DEFAULT_PRESET) : found;
  const result = validateConfig('error' in chosen ? {} : { ...chosen.config });
  return result.ok ? result.config : copyConfig(DEFAULT_CONFIG);
}

/** The string a value is written as in the URL (and compared by). */
function valueText(value: ExperimentConfig[keyof ExperimentConfig]): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Percent-encodes, but keeps `,` and `/` readable (both are legal in a query). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%2F/gi, '/');
}

/**
 * `?preset=…&key=value…&backend=…`, or '' when there is nothing to write. Keys equal to the base
 * config (see baseConfigFor) are left out, so the default preset's own config gives ''.
 */
export function configToSearch(config: ExperimentConfig, extras: UrlExtras = {}): string {
  const base = baseConfigFor(extras.preset);
  const parts: string[] = [];
  if (extras.preset) parts.push(`preset=${encode(extras.preset)}`);
  for (const key of CONFIG_KEYS) {
    const text = valueText(config[key]);
    if (text !== valueText(base[key])) parts.push(`${key}=${encode(text)}`);
  }
  if (extras.backend) parts.push(`backend=${encode(extras.backend)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function isConfigKey(key: string): key is keyof ExperimentConfig {
  return Object.prototype.hasOwnProperty.call(CONFIG_SCHEMA, key);
}

function readParams(search: string): [string, string][] {
  try {
    return [...new URLSearchParams(search).entries()];
  } catch {
    return [];
  }
}

/**
 * Reads a config from a query string. Bad values and unknown keys are reported (each message names
 * the field, the value and what is allowed) and skipped; `backend` is left to urlState. When the
 * values conflict with each other the conflicting ones are dropped, so `config` is always valid.
 * Never throws.
 */
export function configFromSearch(search: string): ConfigFromSearch {
  const errors: ConfigError[] = [];
  const params = readParams(typeof search === 'string' ? search : '');

  let preset: string | null = null;
  const presetParam = params.filter(([key]) => key === 'preset').pop();
  if (presetParam && presetParam[1].trim() !== '') {
    const found = findPreset(presetParam[1].trim());
    if ('error' in found) errors.push({ field: 'preset', message: found.error });
    else preset = found.name;
  }
  const base = baseConfigFor(preset);

  // Each known key parsed on its own; the last occurrence of a repeated key wins.
  const values = new Map<keyof ExperimentConfig, unknown>();
  for (const [key, raw] of params) {
    if (EXTRA_KEYS.has(key)) continue;
    if (!isConfigKey(key)) {
      errors.push({ field: key, message: `unknown URL parameter ${key}` });
      continue;
    }
    const parsed = parseFieldValue(key, raw);
    if (parsed.ok) values.set(key, parsed.value);
    else {
      values.delete(key);
      errors.push({ field: key, message: parsed.message });
    }
  }

  const merged = validateConfig({ ...base, ...Object.fromEntries(values) });
  if (merged.ok) return { config: merged.config, preset, errors };

  // The values conflict (e.g. evalEvery > steps): report why, and keep each value that still leaves
  // a valid config when applied in URL order over the base.
  errors.push(...merged.errors);
  let config = base;
  for (const [key, value] of values) {
    const candidate = validateConfig({ ...config, [key]: value });
    if (candidate.ok) config = candidate.config;
  }
  return { config, preset, errors };
}
