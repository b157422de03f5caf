import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/core/backend/selectBackend';
import { flagValue } from './flagValue';
import { benchProblems, benchTableLine } from '../src/core/bench/benchResults';
import { runBench, type PeerStep } from '../src/core/bench/runBench';
import { readDatasetFile } from './nodeDatasetReader';
import { findPythonWithTorch, parsePeerOutput } from './pythonWithTorch';
import { workerScorerStarter } from './pipeline/workerScorer';
import { measureWarmUpRatio } from './warmUpBench';
import { measureCoreContention } from './contention/coreContention';

/**
 * `npm run bench [-- --quick] [-- --backend wasm|cpu]`: engine efficiency, selection overhead,
 * throughput, memory flatness, thread speedup, the default experiment end to end (full mode), the
 * warm-up's effect on the first run's clock (Node only) and
 * (where PyTorch is installed: $PYTHON, or the first python3 on PATH with torch) a peer ratio — every figure a ratio
 * measured in this run (src/core/bench/runBench.ts, shared with the browser bench page).
 * Writes bench/results.json (keys in docs/architecture.md, "Benchmarks").
 */
const quick = process.argv.includes('--quick');
const backendName = flagValue(process.argv, 'backend', 'wasm');
if (backendName !== 'wasm' && backendName !== 'cpu') {
  console.error(
    `bench: backend "${backendName}" is not available in Node; allowed values: wasm, cpu (the browser backends run with npm run bench:browser)`,
  );
  process.exit(2);
}
tf.env().set('PROD', true);
const { backend } = await selectBackend({ requested: backendName });

/** The same ViT-S/4 train step in PyTorch CPU (cli/torchPeer.py), with $PYTHON or the first python3 on PATH that has torch. */
async function torchStep(batch: number): Promise<PeerStep | null> {
  const python = findPythonWithTorch();
  if (python === null) return null;
  try {
    const out = execFileSync(python, ['cli/torchPeer.py', String(batch)], {
      encoding: 'utf8',
      timeout: 300_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return parsePeerOutput(out);
  } catch {
    return null;
  }
}

const { results } = await runBench({
  backend,
  quick,
  peerStep: torchStep,
  readDatasetFile,
  pipelineHost: { cores: availableParallelism(), startScorerFor: (dataset) => workerScorerStarter(dataset, backendName) },
  onRow: (row) => console.log(benchTableLine(row)),
});
// Node only (it needs fresh processes): the first run's clock with and without the warm-up.
const warmUp = measureWarmUpRatio(quick ? 100 : 400);
results.warmUpRatio = { ...warmUp, backend: 'wasm', variant: 'micro preset, IID' };
console.log(
  benchTableLine({
    label: `first ÷ second identical IID run, ${warmUp.steps} steps (target ≤ 1.10)`,
    value: `${warmUp.value.toFixed(3)} with the warm-up, ${warmUp.withoutWarmUp.toFixed(3)} without`,
  }),
);
// Node only (worker_threads): how much a second busy core slows the learner's, the floor under pipelineRatio.
// The same learner step as the pipelined row's learner, so the two figures compose.
const { learner: learnerVariant, batch } = results.selectionOverheadRatio;
const contention = await measureCoreContention(learnerVariant, batch, quick ? 10 : 30);
results.coreContention = { ...contention, backend: 'wasm', variant: learnerVariant, batch };
console.log(
  benchTableLine({
    label: `${learnerVariant} step while a 2nd wasm thread trains ÷ alone (1 = independent cores)`,
    value: `${contention.value.toFixed(3)} (${contention.aloneMs.toFixed(1)} → ${contention.loadedMs.toFixed(1)} ms; load thread ran ${contention.loadSteps} steps)`,
  }),
);
const piped = results.pipelineRatio;
if (piped?.pipeline?.scorerBusy != null && piped.value !== null) {
  // While the scorer thread is busy (a share u of the learner's time) the learner runs at the loaded speed.
  const floor = 1 + piped.pipeline.scorerBusy * (contention.value - 1);
  results.pipelineRatio = { ...piped, contentionFloor: floor };
  console.log(
    benchTableLine({
      label: 'pipelineRatio expected from contention alone: 1 + scorer busy × (contention − 1)',
      value: `${floor.toFixed(3)} (measured ${piped.value.toFixed(3)})`,
    }),
  );
}
await mkdir('bench', { recursive: true });
await writeFile('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('wrote bench/results.json');
const problems = benchProblems(results);
if (problems.length > 0) {
  console.error(`bench: ${problems.join('; ')}`);
  process.exit(1);
}
