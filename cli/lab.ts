import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseBackendOverride } from '../src/core/backend/backendNames';
import { selectBackend } from '../src/core/backend/selectBackend';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../src/core/config/experimentConfig';
import { DEFAULT_PRESET, findPreset } from '../src/core/config/presets';
import { validateConfig } from '../src/core/config/validateConfig';
import { loadDataset } from '../src/core/data/datasetRegistry';
import { withUploadedDataset } from '../src/core/data/upload/customDatasetEntry';
import { encodeLabImageSet } from '../src/core/data/upload/labImageSetCodec';
import type { ExperimentEvent } from '../src/core/experiment/events';
import { runExperiment } from '../src/core/experiment/runExperiment';
import { parseImageSize, readDatasetCsv, withDatasetFile } from './datasetFile';
import { parseArgs, usage, UsageError } from './parseArgs';
import { readDatasetFile } from './nodeDatasetReader';
import { curvesCsv, finalTable, progressLine } from './report';

/** `npm run lab`: the headless experiment runner (design §7). Exit 0 ok, 2 bad input, 1 failure. */
async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options.help) {
    console.log(usage());
    return 0;
  }
  const backend = parseBackendOverride(options.backend ?? 'wasm');
  if (!backend.ok) throw new UsageError(backend.message);
  if (backend.backend !== 'wasm' && backend.backend !== 'cpu') throw new UsageError(`backend: "${options.backend}" is not available in Node; allowed values: wasm, cpu`);
  let fileConfig: Record<string, unknown> = {};
  if (options.configFile) {
    let text: string;
    try {
      text = await readFile(options.configFile, 'utf8');
    } catch {
      throw new UsageError(`config: cannot read ${options.configFile}`);
    }
    try {
      fileConfig = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`config: ${options.configFile} is not valid JSON (${(error as Error).message})`);
    }
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
  if (options.datasetSize !== null && options.datasetFile === null) throw new UsageError('dataset-size: applies to --dataset-file only; give the CSV with --dataset-file data.csv');
  const upload = options.datasetFile === null ? null : await readDatasetCsv(options.datasetFile, options.datasetSize === null ? null : parseImageSize(options.datasetSize));
  if (upload) {
    const applied = withDatasetFile({ ...DEFAULT_CONFIG, ...layers }, { ...fileConfig, ...options.overrides }, upload);
    layers = applied.config;
    if (applied.note && !options.quiet) process.stderr.write(`dataset ${applied.note}\n`);
  }
  const validated = validateConfig(layers);
  if (!validated.ok) throw new UsageError(validated.errors.map((e) => e.message).join('\n'));
  const config = validated.config;

  tf.env().set('PROD', true);
  const report = await selectBackend({ requested: backend.backend });
  const readFiles = withUploadedDataset(readDatasetFile, upload ? encodeLabImageSet(upload) : undefined);
  const dataset = await loadDataset(config, readFiles).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  const started = performance.now();
  const live = process.stderr.isTTY && !options.quiet;
  const onEvent = (event: ExperimentEvent) => {
    if (options.quiet) return;
    if (event.type === 'step' && live) {
      process.stderr.write(`\r${progressLine(event.runId, event.step, event.totalSteps, event.wallMs, `loss ${event.trainLoss.toFixed(3)}`)}`);
    } else if (event.type === 'phase') {
      process.stderr.write(`${live ? '\r\x1b[2K' : ''}${event.runId.padEnd(22)} ${event.message}\n`);
    } else if (event.type === 'evaluation') {
      const p = event.point;
      process.stderr.write(`${live ? '\r\x1b[2K' : ''}${event.runId.padEnd(22)} step ${String(p.step).padStart(5)}  test acc ${(100 * p.testAccuracy).toFixed(1)}%  ${(p.wallMs / 1000).toFixed(1)}s\n`);
    }
  };
  const scorers = options.sweepScorers ?? presetScorers;
  const result = await runExperiment(config, dataset, { backend: report.backend, emit: onEvent, ...(scorers ? { scorers } : {}) });
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'result.json'), JSON.stringify(result, null, 2) + '\n');
  await writeFile(join(options.out, 'curves.csv'), curvesCsv(result));
  console.log(`\n${finalTable(result)}\n`);
  console.log(`backend ${report.backend} · ${((performance.now() - started) / 1000).toFixed(1)}s · wrote ${join(options.out, 'result.json')} and curves.csv`);
  if (result.failure) {
    console.error(`lab: ${result.failure.message} (the runs so far are in result.json)`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`lab: ${error.message}`);
      process.exit(2);
    }
    console.error(`lab: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
