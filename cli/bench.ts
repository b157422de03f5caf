import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/core/backend/selectBackend';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../src/core/config/experimentConfig';
import { PRESETS } from '../src/core/config/presets';
import { buildSyntheticDataset } from '../src/core/data/syntheticDataset';
import { runExperiment } from '../src/core/experiment/runExperiment';
import { VIT_VARIANTS } from '../src/core/models/vitVariants';
import { BENCH_INPUT, comparableMatmulShape, forwardMs, matmulFlopsPerSecond, trainStepMs, trainingFlopsPerStep } from './benchMeasures';
import { modelForwardFlops } from '../src/core/models/modelRegistry';

/**
 * `npm run bench [-- --quick]`: engine efficiency, selection overhead, throughput, memory flatness
 * and (where PyTorch is installed) a peer ratio — every figure a ratio measured in this run.
 * Writes bench/results.json (design §9 keys).
 */
const quick = process.argv.includes('--quick');
const backendName = process.argv.includes('--backend') ? process.argv[process.argv.indexOf('--backend') + 1] : 'wasm';
if (backendName !== 'wasm' && backendName !== 'cpu') {
  console.error(`bench: backend "${backendName}" is not available in Node; allowed values: wasm, cpu`);
  process.exit(2);
}
tf.env().set('PROD', true);
const report = await selectBackend({ requested: backendName });
const backend = report.backend;
const reps = quick ? 5 : 20;
const b = 64;
const rows: [string, string][] = [];
const say = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label.padEnd(58)} ${value}`);
};

// 1. Engine efficiency: train-step FLOP/s ÷ the same backend's matmul FLOP/s on the learner's largest matmul.
const learner = DEFAULT_CONFIG.learner;
const stepMs = await trainStepMs(learner, b, reps);
const stepFlops = trainingFlopsPerStep(learner, b) / (stepMs / 1000);
const [m, k, n] = comparableMatmulShape(learner, b);
const matmulFlops = await matmulFlopsPerSecond(m, k, n, reps * 4);
const engineEfficiency = stepFlops / matmulFlops;
say(`train step ${learner}, b=${b}`, `${stepMs.toFixed(1)} ms, ${(stepFlops / 1e9).toFixed(2)} GFLOP/s`);
say(`matmul [${m}×${k}]·[${k}×${n}]`, `${(matmulFlops / 1e9).toFixed(2)} GFLOP/s`);
say('engineEfficiency (train FLOP/s ÷ matmul FLOP/s; target ≥ 0.5)', engineEfficiency.toFixed(3));

// 2. Selection overhead: measured active ÷ IID wall per step, over the ledger's predicted ratio.
const preset = PRESETS['noisy-labels'].config;
const steps = quick ? 20 : 100;
const selectionConfig: ExperimentConfig = { ...DEFAULT_CONFIG, ...preset, steps, evalEvery: steps, testSize: 200, trainSize: 4000, heldOutSize: 1000, referencePretrainSteps: 5, policies: ['uniform', 'learnability'] };
const selection = await runExperiment(selectionConfig, buildSyntheticDataset(selectionConfig), { backend });
const [iidRun, activeRun] = selection.runs;
const measuredRatio = activeRun!.final.wallMs / iidRun!.final.wallMs;
const predictedRatio = activeRun!.final.flops / iidRun!.final.flops;
const selectionOverheadRatio = measuredRatio / predictedRatio;
say(`learnability step ÷ IID step (${selectionConfig.learner} + ${selectionConfig.scorer}), measured`, measuredRatio.toFixed(3));
say('same, predicted by the FLOP ledger', predictedRatio.toFixed(3));
say('selectionOverheadRatio (measured ÷ predicted; target ≤ 1.2)', selectionOverheadRatio.toFixed(3));
const phases = activeRun!.phaseWallMs;
say('learnability wall by phase (ms: learner / scoring / online / ref)', [phases.learner, phases.scoring, phases.online, phases.reference].map((x) => x.toFixed(0)).join(' / '));

// 3. Throughput per variant: training examples/s (b = 64) and scoring examples/s (forward, B = 128).
const throughput: Record<string, { trainExamplesPerSecond: number; scoreExamplesPerSecond: number; forwardFlops: number }> = {};
for (const variant of quick ? [learner, selectionConfig.scorer] : VIT_VARIANTS) {
  const train = (b / (await trainStepMs(variant, b, Math.max(3, reps / 2)))) * 1000;
  const score = (128 / (await forwardMs(variant, 128, reps))) * 1000;
  throughput[variant] = { trainExamplesPerSecond: train, scoreExamplesPerSecond: score, forwardFlops: modelForwardFlops(variant, BENCH_INPUT) };
  say(`${variant} examples/s (train b=64 · score B=128)`, `${train.toFixed(0)} · ${score.toFixed(0)}`);
}

// 4. Memory: tensors and backend bytes after warm-up vs after N steps of a learnability run.
const memorySteps = quick ? 100 : 1000;
const warmStep = 20;
const memory: { step: number; tensors: number; bytes: number }[] = [];
const memoryConfig: ExperimentConfig = { ...selectionConfig, steps: memorySteps, evalEvery: memorySteps / 2 };
await runExperiment(memoryConfig, buildSyntheticDataset(memoryConfig), {
  backend,
  emit: (e) => {
    if (e.type === 'step' && e.runId.startsWith('learnability') && (e.step === warmStep || e.step === memorySteps)) {
      memory.push({ step: e.step, tensors: tf.memory().numTensors, bytes: tf.memory().numBytes });
    }
  },
});
const [warm, end] = memory;
say(`tensors after step ${warmStep} vs ${memorySteps}`, `${warm!.tensors} vs ${end!.tensors}`);
say(`backend bytes after step ${warmStep} vs ${memorySteps}`, `${warm!.bytes} vs ${end!.bytes}`);
const memoryFlat = warm!.tensors === end!.tensors && warm!.bytes === end!.bytes;
say('memory flat', memoryFlat ? 'yes' : 'NO');

// 5. Peer: the same train step in PyTorch CPU, where python3 has torch.
let peerRatio: number | null = null;
try {
  const torchMs = Number(execFileSync('python3', ['cli/torchPeer.py', String(b)], { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim());
  peerRatio = stepMs / torchMs;
  say('peerRatio (tfjs step ÷ PyTorch CPU step; target ≤ 5)', peerRatio.toFixed(2));
} catch {
  say('peerRatio', 'null (no python3 with torch here)');
}

const results = {
  backend,
  quick,
  engineEfficiency: { value: engineEfficiency, backend, variant: learner, batch: b, trainStepMs: stepMs, matmulShape: [m, k, n] },
  selectionOverheadRatio: { value: selectionOverheadRatio, backend, variant: `${selectionConfig.learner} + ${selectionConfig.scorer}`, measuredRatio, predictedRatio, steps },
  throughput,
  tensorsAfterWarmup: { value: warm!.tensors, backend, variant: `${selectionConfig.learner} + ${selectionConfig.scorer}`, step: warmStep },
  tensorsAfterN: { value: end!.tensors, backend, variant: `${selectionConfig.learner} + ${selectionConfig.scorer}`, step: memorySteps },
  bytesAfterWarmup: { value: warm!.bytes, backend, variant: `${selectionConfig.learner} + ${selectionConfig.scorer}`, step: warmStep },
  bytesAfterN: { value: end!.bytes, backend, variant: `${selectionConfig.learner} + ${selectionConfig.scorer}`, step: memorySteps },
  peerRatio: { value: peerRatio, backend, variant: learner },
};
await mkdir('bench', { recursive: true });
await writeFile('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('wrote bench/results.json');
if (!memoryFlat || !Number.isFinite(engineEfficiency) || !Number.isFinite(selectionOverheadRatio)) {
  console.error('bench: memory is not flat or a ratio could not be computed');
  process.exit(1);
}
