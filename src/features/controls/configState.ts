import type { ExperimentConfig } from '../../core/config/experimentConfig';
import { DEFAULT_PRESET, findPreset } from '../../core/config/presets';
import { validateConfig, type ConfigError } from '../../core/config/validateConfig';
import { configFromSearch, configToSearch } from './urlConfig';

/** What the controls show: a draft config (maybe invalid), its errors and the last valid config. */
export interface ConfigState {
  config: ExperimentConfig;
  /** The preset the config started from (the URL's base); null when none applies. */
  preset: string | null;
  errors: ConfigError[];
  /** `config` when it is valid, else null (hold back "Run"). */
  validConfig: ExperimentConfig | null;
}

/** From the page's query string; URL problems become `errors`, the config is always valid. */
export function initialConfigState(search: string): ConfigState {
  const parsed = configFromSearch(search);
  return { config: parsed.config, preset: parsed.preset ?? DEFAULT_PRESET, errors: parsed.errors, validConfig: parsed.config };
}

/** A user edit: valid configs are taken as they are; invalid drafts stay visible with their errors. */
export function withConfig(state: ConfigState, config: ExperimentConfig): ConfigState {
  const result = validateConfig(config);
  return result.ok
    ? { ...state, config: result.config, errors: [], validConfig: result.config }
    : { ...state, config, errors: result.errors, validConfig: null };
}

/** Loads a preset over DEFAULT_CONFIG; an unknown name leaves the config alone and says why. */
export function withPreset(state: ConfigState, name: string): ConfigState {
  const found = findPreset(name);
  if ('error' in found) return { ...state, errors: [{ field: 'preset', message: found.error }] };
  const result = validateConfig({ ...found.config });
  if (!result.ok) return { ...state, errors: result.errors };
  return { config: result.config, preset: found.name, errors: [], validConfig: result.config };
}

/** The query string to mirror: the preset (unless it is the default) and an existing `backend` kept. */
export function searchFor(config: ExperimentConfig, preset: string | null, currentSearch: string): string {
  const backend = new URLSearchParams(currentSearch).get('backend');
  return configToSearch(config, {
    preset: preset !== null && preset !== DEFAULT_PRESET ? preset : undefined,
    backend: backend !== null && backend !== '' ? backend : undefined,
  });
}
