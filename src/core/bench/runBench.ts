import * as tf from '@tensorflow/tfjs';
import { PHASES as RUN_PHASES } from '../accounting/phases';
import { modelForwardFlops } from '../models/modelRegistry';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/experimentConfig';
import { PRESETS } from '../config/presets';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { runExperiment } from '../experiment/runExperiment';
import { VIT_VARIANTS } from '../models/vitVariants';
import { yieldToEventLoop } from '../train/yieldToEventLoop';
import { BENCH_INPUT, forwardMs, stepAndMatmul, trainStepMs, trainingFlopsPerStep } from './benchMeasures';
import type { BenchResults, BenchRow } from './benchResults';
import { perClassTallyMs } from './perClassCost';

export interface BenchOptions {
  /** The tfjs backend already selected (the figures are labelled with it). */
  backend: string;
  /** CI mode: fewer repetitions and steps, two variants; checks the ratios are computed and memory is flat. */
  quick: boolean;
  /** Fraction done (0–1) and what runs now; awaited, so a page can repaint. */
  onProgress?: (fraction: number, label: string) => void | Promise<void>;
  /** Each table row as soon as it is measured. */
  onRow?: (row: BenchRow) => void;
  /** ms per train step of the same ViT step in a peer framework (PyTorch CPU); null where there is none. */
  peerStepMs?: (batch: number) => Promise<number | null>;
}

const BATCH = 64;

/** Rough share of the run each part takes (measured on wasm), for the progress bar. */
const PHASE_WEIGHTS = { efficiency: 0.15, selection: 0.25, throughput: 0.2, memory: 0.35, peer: 0.05 } as const;
type Phase = keyof typeof PHASE_WEIGHTS;
const PHASES = Object.keys(PHASE_WEIGHTS) as Phase[];

/**
 * The benchmark, the same in Node and in the browser: engine efficiency, selection
 * overhead, throughput per variant, memory flatness and (where a peer runs) the peer ratio, every
 * figure measured in this run on the active backend.
 */
export async function runBench(options: BenchOptions): Promise<{ results: BenchResults; rows: BenchRow[] }> {
  const { backend, quick } = options;
  const rows: BenchRow[] = [];
  const say = (label: string, value: string) => {
    const row = { label, value };
    rows.push(row);
    options.onRow?.(row);
  };
  const report = (phase: Phase, within: number, label: string) => {
    const before = PHASES.slice(0, PHASES.indexOf(phase)).reduce((sum, p) => sum + PHASE_WEIGHTS[p], 0);
    return options.onProgress?.(Math.min(1, before + PHASE_WEIGHTS[phase] * within), label);
  };
  const progress = async (phase: Phase, within: number, label: string) => {
    await report(phase, within, label);
    await yieldToEventLoop();
  };
  const reps = quick ? 5 : 20;

  // 1. Engine efficiency: train-step FLOP/s ÷ the same backend's matmul FLOP/s on the learner's largest matmul.
  const learner = DEFAULT_CONFIG.learner;
  await progress('efficiency', 0, `timing a ${learner} train step and a comparable matmul, in turns`);
  const { stepMs, matmulFlopsPerSecond: matmulFlops, shape } = await stepAndMatmul(learner, BATCH, reps);
  const stepFlops = trainingFlopsPerStep(learner, BATCH) / (stepMs / 1000);
  const [m, k, n] = shape;
  const engineEfficiency = stepFlops / matmulFlops;
  say(`train step ${learner}, b=${BATCH}`, `${stepMs.toFixed(1)} ms, ${(stepFlops / 1e9).toFixed(2)} GFLOP/s`);
  say(`matmul [${m}×${k}]·[${k}×${n}]`, `${(matmulFlops / 1e9).toFixed(2)} GFLOP/s`);
  say('engineEfficiency (train FLOP/s ÷ matmul FLOP/s, timed in turns; target ≥ 0.5)', engineEfficiency.toFixed(3));

  // 2. Selection overhead: measured active ÷ IID wall per step, over the ledger's predicted ratio.
  const steps = quick ? 20 : 100;
  const selectionConfig: ExperimentConfig = { ...DEFAULT_CONFIG, ...PRESETS['noisy-labels'].config, steps, evalEvery: steps, testSize: 200, trainSize: 4000, heldOutSize: 1000, referencePretrainSteps: 5, policies: ['uniform', 'learnability'] };
  const pair = `${selectionConfig.learner} + ${selectionConfig.scorer}`;
  // runExperiment yields to the event loop between steps itself; these only report.
  const stepCounter = (phase: Phase, total: number) => {
    let done = 0;
    return (e: { type: string }) => {
      if (e.type === 'step' && ++done % 5 === 0) void report(phase, done / total, `${phase === 'memory' ? 'memory run' : 'IID vs learnability'}: step ${done}/${total}`);
    };
  };
  await progress('selection', 0, `IID vs learnability (${pair})`);
  const selectionData = buildSyntheticDataset(selectionConfig);
  const selection = await runExperiment(selectionConfig, selectionData, { backend, emit: stepCounter('selection', 2 * steps) });
  const [iidRun, activeRun] = selection.runs;
  if (!iidRun || !activeRun) throw new Error(`bench: the selection experiment ended early (${selection.failure?.message ?? 'no failure reported'})`);
  const measuredRatio = activeRun.final.wallMs / iidRun.final.wallMs;
  const predictedRatio = activeRun.final.flops / iidRun.final.flops;
  const selectionOverheadRatio = measuredRatio / predictedRatio;
  say(`learnability step ÷ IID step (${pair}), measured`, measuredRatio.toFixed(3));
  say('same, predicted by the FLOP ledger', predictedRatio.toFixed(3));
  say('selectionOverheadRatio (measured ÷ predicted; target ≤ 1.2)', selectionOverheadRatio.toFixed(3));
  const phases = activeRun.phaseWallMs;
  say('learnability wall by phase (ms: learner / scoring / online / ref)', RUN_PHASES.map((p) => phases[p].toFixed(0)).join(' / '));
  // Per-class view (issue 16): its per-step tallies against a learnability step, both measured here.
  const tallyMs = perClassTallyMs(selectionData.train, selectionData.numClasses, selectionConfig.batchSize, quick ? 2_000 : 20_000);
  const activeStepMs = activeRun.final.wallMs / Math.max(1, activeRun.final.steps);
  say(
    'learnability step with ÷ without per-class tallies (target ≤ 1.03)',
    `${(1 + tallyMs / activeStepMs).toFixed(5)} (tallies ${(1000 * tallyMs).toFixed(2)} µs of a ${activeStepMs.toFixed(1)} ms step)`,
  );

  // 3. Throughput per variant: training examples/s (b = 64) and scoring examples/s (forward, B = 128).
  const throughput: BenchResults['throughput'] = {};
  const variants = quick ? [learner, selectionConfig.scorer] : [...VIT_VARIANTS];
  for (const [i, variant] of variants.entries()) {
    await progress('throughput', i / variants.length, `throughput of ${variant}`);
    const train = (BATCH / (await trainStepMs(variant, BATCH, Math.max(3, reps / 2)))) * 1000;
    const score = (128 / (await forwardMs(variant, 128, reps))) * 1000;
    throughput[variant] = { trainExamplesPerSecond: train, scoreExamplesPerSecond: score, forwardFlops: modelForwardFlops(variant, BENCH_INPUT) };
    say(`${variant} examples/s (train b=${BATCH} · score B=128)`, `${train.toFixed(0)} · ${score.toFixed(0)}`);
  }

  // 4. Memory: tensors and backend bytes after warm-up vs after N steps of a learnability run.
  const memorySteps = quick ? 100 : 1000;
  const warmStep = 20;
  const memory: { step: number; tensors: number; bytes: number }[] = [];
  const memoryConfig: ExperimentConfig = { ...selectionConfig, steps: memorySteps, evalEvery: memorySteps / 2 };
  const countSteps = stepCounter('memory', 2 * memorySteps);
  await progress('memory', 0, `memory over ${memorySteps} steps`);
  await runExperiment(memoryConfig, buildSyntheticDataset(memoryConfig), {
    backend,
    emit: (e) => {
      countSteps(e);
      if (e.type === 'step' && e.runId.startsWith('learnability') && (e.step === warmStep || e.step === memorySteps)) {
        memory.push({ step: e.step, tensors: tf.memory().numTensors, bytes: tf.memory().numBytes });
      }
    },
  });
  const [warm, end] = memory;
  if (!warm || !end) throw new Error(`bench: the memory run did not reach step ${memorySteps}`);
  say(`tensors after step ${warmStep} vs ${memorySteps}`, `${warm.tensors} vs ${end.tensors}`);
  say(`backend bytes after step ${warmStep} vs ${memorySteps}`, `${warm.bytes} vs ${end.bytes}`);
  say('memory flat', warm.tensors === end.tensors && warm.bytes === end.bytes ? 'yes' : 'NO');

  // 5. Peer: the same train step in another framework, where the caller can run one.
  await progress('peer', 0, 'peer framework (PyTorch CPU), if installed');
  const peerMs = options.peerStepMs ? await options.peerStepMs(BATCH) : null;
  const peerRatio = peerMs === null ? null : stepMs / peerMs;
  say('peerRatio (tfjs step ÷ PyTorch CPU step; target ≤ 5)', peerRatio === null ? 'null (no python3 with torch here)' : peerRatio.toFixed(2));
  await progress('peer', 1, 'done');

  const results: BenchResults = {
    backend,
    quick,
    engineEfficiency: { value: engineEfficiency, backend, variant: learner, batch: BATCH, trainStepMs: stepMs, matmulShape: [m, k, n] },
    selectionOverheadRatio: { value: selectionOverheadRatio, backend, variant: pair, measuredRatio, predictedRatio, steps },
    throughput,
    tensorsAfterWarmup: { value: warm.tensors, backend, variant: pair, step: warmStep },
    tensorsAfterN: { value: end.tensors, backend, variant: pair, step: memorySteps },
    bytesAfterWarmup: { value: warm.bytes, backend, variant: pair, step: warmStep },
    bytesAfterN: { value: end.bytes, backend, variant: pair, step: memorySteps },
    peerRatio: { value: peerRatio, backend, variant: learner },
  };
  return { results, rows };
}
