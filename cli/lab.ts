import { mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseBackendOverride } from '../src/core/backend/backendNames';
import { selectBackend } from '../src/core/backend/selectBackend';
import { loadDataset } from '../src/core/data/datasetRegistry';
import { withUploadedDataset } from '../src/core/data/upload/customDatasetEntry';
import { encodeLabImageSet } from '../src/core/data/upload/labImageSetCodec';
import type { ExperimentEvent } from '../src/core/experiment/events';
import type { ExperimentResult } from '../src/core/experiment/resultTypes';
import type { ExperimentConfig } from '../src/core/config/experimentConfig';
import { runExperiment } from '../src/core/experiment/runExperiment';
import { prepareOutDir } from './outDir';
import { parseArgs, usage, UsageError } from './parseArgs';
import { readDatasetFile } from './nodeDatasetReader';
import { resolveConfig } from './resolveConfig';
import { curvesCsv, finalTable, progressLine } from './report';
import { planSweep } from '../src/core/sweep/sweepGrid';
import { GRID_FILES, runGridCli } from './sweepCli';
import { workerScorerStarter } from './pipeline/workerScorer';
import { writeTorchExport } from './exportTorch';

/** `npm run lab`: the headless experiment runner (docs/architecture.md, "Result files and the CLI"). Exit 0 ok, 2 bad input, 1 failure. */
async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options.help) {
    console.log(usage());
    return 0;
  }
  const backend = parseBackendOverride(options.backend ?? 'wasm');
  if (!backend.ok) throw new UsageError(backend.message);
  if (backend.backend !== 'wasm' && backend.backend !== 'cpu')
    throw new UsageError(`backend: "${options.backend}" is not available in Node; allowed values: wasm, cpu`);
  const { config, scorers, upload, datasetNote } = await resolveConfig(options);
  if (options.exportTorch !== null) return exportTorch(options.exportTorch, config, scorers, options.sweepScorers !== null, upload);
  const plan = options.grid ? planSweep(config, options.grid) : null;
  if (plan && !plan.ok) throw new UsageError(plan.message);
  const outDir = await prepareOutDir(options.out, plan ? GRID_FILES : undefined);
  if (datasetNote && !options.quiet) process.stderr.write(`dataset ${datasetNote}\n`);

  tf.env().set('PROD', true);
  const report = await selectBackend({ requested: backend.backend });
  const readFiles = withUploadedDataset(readDatasetFile, upload ? encodeLabImageSet(upload) : undefined);
  const dataset = await loadDataset(config, readFiles).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  const started = performance.now();
  if (plan) {
    const grid = await runGridCli(plan.value, dataset, outDir, report.backend, options.quiet);
    console.log(
      `backend ${report.backend} · ${((performance.now() - started) / 1000).toFixed(1)}s · wrote ${join(outDir, 'grid.json')} and grid.csv`,
    );
    const failed = grid.cells.filter((c) => c.failure);
    if (failed.length > 0)
      console.error(`lab: ${failed.length} cell(s) diverged: ${failed.map((c) => c.id).join('; ')} (their savings are empty)`);
    return failed.length > 0 ? 1 : 0;
  }
  const live = process.stderr.isTTY && !options.quiet;
  const onEvent = (event: ExperimentEvent) => {
    if (options.quiet) return;
    if (event.type === 'step' && live) {
      process.stderr.write(
        `\r${progressLine(event.runId, event.step, event.totalSteps, event.wallMs, `loss ${event.trainLoss.toFixed(3)}`)}`,
      );
    } else if (event.type === 'phase') {
      process.stderr.write(`${live ? '\r\x1b[2K' : ''}${event.runId.padEnd(22)} ${event.message}\n`);
    } else if (event.type === 'evaluation') {
      const p = event.point;
      process.stderr.write(
        `${live ? '\r\x1b[2K' : ''}${event.runId.padEnd(22)} step ${String(p.step).padStart(5)}  test acc ${(100 * p.testAccuracy).toFixed(1)}%  ${(p.wallMs / 1000).toFixed(1)}s\n`,
      );
    }
  };
  const nodeBackend = report.backend === 'cpu' ? 'cpu' : 'wasm';
  const result = await runExperiment(config, dataset, {
    backend: report.backend,
    emit: onEvent,
    ...(scorers ? { scorers } : {}),
    pipelineHost: { cores: availableParallelism(), startScorer: workerScorerStarter(dataset, nodeBackend) },
  });
  const written = await writeResult(outDir, result);
  console.log(`\n${finalTable(result)}\n`);
  console.log(
    `backend ${report.backend} · ${((performance.now() - started) / 1000).toFixed(1)}s · wrote ${join(written.dir, 'result.json')} and curves.csv`,
  );
  if (!written.asked) {
    console.error(`lab: could not write into ${outDir} (${written.problem}); the result was saved to ${written.dir} instead`);
    return 1;
  }
  if (result.failure) {
    console.error(`lab: ${result.failure.message} (the runs so far are in result.json)`);
    return 1;
  }
  return 0;
}

/** `--export-torch DIR`: loads the dataset, writes the PyTorch project and exits; nothing trains here. */
async function exportTorch(
  out: string,
  config: ExperimentConfig,
  scorers: readonly string[] | undefined,
  sweptByFlag: boolean,
  upload: Parameters<typeof encodeLabImageSet>[0] | null,
): Promise<number> {
  if (sweptByFlag)
    throw new UsageError(
      '--export-torch exports one scorer; drop --sweep scorer=… and give --scorer (export each rung into its own folder)',
    );
  const readFiles = withUploadedDataset(readDatasetFile, upload ? encodeLabImageSet(upload) : undefined);
  const dataset = await loadDataset(config, readFiles).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  const written = await writeTorchExport(out, config, dataset);
  if (scorers && scorers.length > 1)
    console.error(`lab: the preset sweeps scorers ${scorers.join(', ')}; the export runs the config's scorer ${config.scorer} only`);
  console.log(
    `wrote ${written.files} files (${(written.bytes / 1024 / 1024).toFixed(1)} MB) into ${written.dir}; run: python3 ${join(written.dir, 'train.py')} (docs/pytorch-export.md)`,
  );
  return 0;
}

/** Writes result.json and curves.csv into `dir`; if that fails after all (disk full, folder removed), into a fresh temp folder. */
async function writeResult(dir: string, result: ExperimentResult): Promise<{ dir: string; asked: boolean; problem?: string }> {
  const write = async (into: string) => {
    await writeFile(join(into, 'result.json'), JSON.stringify(result, null, 2) + '\n');
    await writeFile(join(into, 'curves.csv'), curvesCsv(result));
  };
  try {
    await write(dir);
    return { dir, asked: true };
  } catch (error) {
    const fallback = await mkdtemp(join(tmpdir(), 'lab-result-'));
    await write(fallback);
    return { dir: fallback, asked: false, problem: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
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
