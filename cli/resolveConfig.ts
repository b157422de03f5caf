import { readFile } from 'node:fs/promises';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../src/core/config/experimentConfig';
import { DEFAULT_PRESET, findPreset } from '../src/core/config/presets';
import { validateConfig } from '../src/core/config/validateConfig';
import type { LabImageSet } from '../src/core/data/upload/labImageSet';
import { parseImageSize, readDatasetCsv, withDatasetFile } from './datasetFile';
import { UsageError, type CliOptions } from './parseArgs';

export interface ResolvedRun {
  config: ExperimentConfig;
  /** The scorer ladder to sweep (`--sweep` or the preset's), if any. */
  scorers: readonly string[] | undefined;
  upload: LabImageSet | null;
  /** What fitting the config to `--dataset-file` changed, to print unless quiet. */
  datasetNote: string | null;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

/** The text of a `--config` file → its settings; anything but a JSON object is refused with the reason. */
export function parseConfigFile(path: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config: ${path} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      `config: ${path} holds ${describeJson(value)}; a config file must be a JSON object of settings, e.g. {"steps": 200, "labelNoise": 0.3}`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * The run the flags describe, fully validated before anything trains: defaults < preset < --config
 * file < flags, with a dataset file applied. Throws UsageError (exit 2) with every problem.
 */
export async function resolveConfig(options: CliOptions): Promise<ResolvedRun> {
  let fileConfig: Record<string, unknown> = {};
  if (options.configFile !== null) {
    let text: string;
    try {
      text = await readFile(options.configFile, 'utf8');
    } catch {
      throw new UsageError(`config: cannot read ${options.configFile}`);
    }
    fileConfig = parseConfigFile(options.configFile, text);
  }
  let presetConfig: Partial<ExperimentConfig> = {};
  let presetScorers: readonly string[] | undefined;
  const presetName = options.preset ?? DEFAULT_PRESET;
  if (presetName !== 'none') {
    const preset = findPreset(presetName);
    if ('error' in preset) throw new UsageError(`${preset.error}, none`);
    presetConfig = preset.config;
    presetScorers = preset.scorers;
  }
  let layers: Record<string, unknown> = { ...presetConfig, ...fileConfig, ...options.overrides };
  if (options.datasetSize !== null && options.datasetFile === null)
    throw new UsageError('dataset-size: applies to --dataset-file only; give the CSV with --dataset-file data.csv');
  const upload =
    options.datasetFile === null
      ? null
      : await readDatasetCsv(options.datasetFile, options.datasetSize === null ? null : parseImageSize(options.datasetSize));
  let datasetNote: string | null = null;
  if (upload) {
    const applied = withDatasetFile({ ...DEFAULT_CONFIG, ...layers }, { ...fileConfig, ...options.overrides }, upload);
    layers = applied.config;
    datasetNote = applied.note;
  }
  const validated = validateConfig(layers);
  if (!validated.ok) throw new UsageError(validated.errors.map((e) => e.message).join('\n'));
  return { config: validated.config, scorers: options.sweepScorers ?? presetScorers, upload, datasetNote };
}
