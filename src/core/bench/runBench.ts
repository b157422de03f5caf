import * as tf from '@tensorflow/tfjs';
import { PHASES as RUN_PHASES } from '../accounting/phases';
import { modelForwardFlops } from '../models/modelRegistry';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/experimentConfig';
import { DEFAULT_PRESET, PRESETS } from '../config/presets';
import { currentThreadingEnvironment, planWasmThreads, restartWasmWithThreads } from '../backend/wasmThreads';
import { loadDataset, type DatasetFileReader } from '../data/datasetRegistry';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { runExperiment } from '../experiment/runExperiment';
import { VIT_VARIANTS } from '../models/vitVariants';
import { yieldToEventLoop } from '../train/yieldToEventLoop';
import { BENCH_INPUT, forwardMs, stepAndMatmul, trainStepMs, trainingFlopsPerStep } from './benchMeasures';
import type { BenchResults, BenchRow, ClassroomTime } from './benchResults';
import { perClassTallyMs } from './perClassCost';
import { measurePipeline, type BenchPipelineHost } from './pipelineBench';

export interface BenchOptions {
  /** The tfjs backend already selected (the figures are labelled with it). */
  backend: string;
  /** CI mode: fewer repetitions and steps, two variants; checks the ratios are computed and memory is flat. */
  quick: boolean;
  /** Fraction done (0–1) and what runs now; awaited, so a page can repaint. */
  onProgress?: (fraction: number, label: string) => void | Promise<void>;
  /** Each table row as soon as it is measured. */
  onRow?: (row: BenchRow) => void;
  /** The same ViT train step in a peer framework (PyTorch CPU); null where there is none. */
  peerStep?: (batch: number) => Promise<PeerStep | null>;
  /** Reads bundled dataset files, for the default experiment when its preset uses one (full mode). */
  readDatasetFile?: DatasetFileReader;
  /** Starts scorer workers for the pipelined row; absent: that row is null with the reason. */
  pipelineHost?: BenchPipelineHost;
}

/** One peer measurement: ms per train step, and what it ran on. */
export interface PeerStep {
  ms: number;
  framework: string;
  threads: number;
}

const BATCH = 64;
const pct = (x: number | null | undefined) => `${(100 * (x ?? 0)).toFixed(0)}%`;

/** Rough share of the run each part takes (measured on wasm), for the progress bar. */
const PHASE_WEIGHTS = { efficiency: 0.1, selection: 0.15, throughput: 0.15, memory: 0.25, peer: 0.05, threads: 0.05, classroom: 0.25 } as const;
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

  // 2b. The same with the scorer side pipelined in a worker (docs/architecture.md, "Pipeline").
  await progress('selection', 1, `IID vs learnability with the pipeline on (${pair})`);
  const pipelineRepeats = 3;
  const piped = await measurePipeline(backend, selectionConfig, selectionData, measuredRatio, options.pipelineHost, stepCounter('selection', 2 * steps * pipelineRepeats), pipelineRepeats);
  const p = piped.pipeline;
  say(
    'learnability ÷ IID wall per step, pipeline on (target ≤ 1.05 on 2 cores) · off',
    piped.value === null
      ? `null (${piped.reason}) · ${measuredRatio.toFixed(3)}`
      : `${piped.value.toFixed(3)} · ${measuredRatio.toFixed(3)} (median of ${piped.repeats.map((r) => r.toFixed(2)).join(', ')}; depth ${p?.depth}: learner busy ${pct(p?.learnerBusy)}, scorer busy ${pct(p?.scorerBusy)}, learner waited ${((p?.queueWaitMs ?? 0) / 1000).toFixed(1)} s)`,
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
  const peer = options.peerStep ? await options.peerStep(BATCH) : null;
  const peerRatio = peer === null ? null : stepMs / peer.ms;
  say(
    'peerRatio (tfjs step ÷ PyTorch CPU step; target ≤ 5)',
    peer === null || peerRatio === null ? 'null (no python with torch: set PYTHON, or apt-get install python3-torch)' : `${peerRatio.toFixed(2)} (${peer.framework}, ${peer.threads} thread${peer.threads === 1 ? '' : 's'})`,
  );

  // 6. Threads: the learner step on 1 thread ÷ on every core (wasm only; needs cross-origin isolation in a browser).
  await progress('threads', 0, 'learner step on 1 thread vs every core');
  const threadSpeedup = await measureThreadSpeedup(backend, learner, Math.max(3, reps / 2));
  say(
    `learner-step speedup from 1 thread to all threads (${learner}, b=${BATCH})`,
    threadSpeedup.value === null ? `null (${threadSpeedup.reason})` : `${threadSpeedup.value.toFixed(2)}× (${threadSpeedup.oneThreadMs.toFixed(1)} → ${threadSpeedup.allThreadsMs.toFixed(1)} ms on ${threadSpeedup.threads} threads)`,
  );

  // 7. The classroom figure: the default experiment end to end (full mode only; minutes on a laptop).
  const classroom = quick ? null : await timeDefaultExperiment(backend, options.readDatasetFile, (within, label) => progress('classroom', within, label));
  if (classroom) {
    say(`default experiment end to end (preset ${classroom.preset}: ${classroom.runs} runs × ${classroom.steps} steps)`, `${classroom.value.toFixed(1)} s`);
    const part = (seconds: number) => `${seconds.toFixed(1)} s (${((100 * seconds) / classroom.value).toFixed(0)}%)`;
    say(
      'of which: dataset · learner steps · selection · the rest (warm-up, pretraining, evals)',
      [classroom.datasetSeconds, classroom.learnerSeconds, classroom.selectionSeconds, classroom.otherSeconds].map(part).join(' · '),
    );
  }
  await progress('classroom', 1, 'done');

  const results: BenchResults = {
    backend,
    quick,
    engineEfficiency: { value: engineEfficiency, backend, variant: learner, batch: BATCH, trainStepMs: stepMs, matmulShape: [m, k, n] },
    selectionOverheadRatio: {
      value: selectionOverheadRatio,
      backend,
      variant: pair,
      measuredRatio,
      predictedRatio,
      steps,
      learner: selectionConfig.learner,
      batch: selectionConfig.batchSize,
    },
    pipelineRatio: { ...piped, backend, variant: pair, steps },
    throughput,
    tensorsAfterWarmup: { value: warm.tensors, backend, variant: pair, step: warmStep },
    tensorsAfterN: { value: end.tensors, backend, variant: pair, step: memorySteps },
    bytesAfterWarmup: { value: warm.bytes, backend, variant: pair, step: warmStep },
    bytesAfterN: { value: end.bytes, backend, variant: pair, step: memorySteps },
    peerRatio: { value: peerRatio, backend, variant: learner, peer: peer === null ? null : { framework: peer.framework, threads: peer.threads, stepMs: peer.ms } },
    threadSpeedup: { ...threadSpeedup, backend, variant: learner, batch: BATCH },
    defaultExperimentSeconds: classroom === null ? null : { ...classroom, backend, variant: classroom.preset },
  };
  return { results, rows };
}

type ThreadSpeedup =
  | { value: number; threads: number; oneThreadMs: number; allThreadsMs: number; reason: null }
  | { value: null; threads: number; oneThreadMs: null; allThreadsMs: null; reason: string };

/**
 * ms per learner step on one wasm thread ÷ on every core, both measured here (the backend is
 * restarted in between and left on every core). Null with the reason where threads cannot run.
 */
async function measureThreadSpeedup(backend: string, variant: string, reps: number): Promise<ThreadSpeedup> {
  const plan = planWasmThreads(currentThreadingEnvironment());
  const none = (reason: string): ThreadSpeedup => ({ value: null, threads: plan.threads, oneThreadMs: null, allThreadsMs: null, reason });
  if (backend !== 'wasm') return none(`threads are a wasm setting; this run is on ${backend}`);
  if (plan.reason !== null) return none(plan.reason);
  if (plan.threads < 2) return none('this device reports a single core');
  // Two rounds in turns (1, all, 1, all) so a change in machine load hits both sides; the mean of each side's medians.
  const one: number[] = [];
  const all: number[] = [];
  for (let round = 0; round < 2; round++) {
    await restartWasmWithThreads(1);
    one.push(await trainStepMs(variant, BATCH, reps));
    await restartWasmWithThreads(plan.threads);
    all.push(await trainStepMs(variant, BATCH, reps));
  }
  const oneThreadMs = (one[0]! + one[1]!) / 2;
  const allThreadsMs = (all[0]! + all[1]!) / 2;
  return { value: oneThreadMs / allThreadsMs, threads: plan.threads, oneThreadMs, allThreadsMs, reason: null };
}

/** Wall seconds of the default preset's experiment, every policy run, dataset loading included. */
export async function timeDefaultExperiment(
  backend: string,
  readDatasetFile: DatasetFileReader | undefined,
  progress: (within: number, label: string) => Promise<void>,
): Promise<ClassroomTime> {
  const preset = PRESETS[DEFAULT_PRESET] as { config: Partial<ExperimentConfig>; scorers?: readonly string[] };
  const config: ExperimentConfig = { ...DEFAULT_CONFIG, ...preset.config };
  const scorers = preset.scorers ? [...preset.scorers] : undefined;
  const runs = config.policies.length * (scorers?.length ?? 1);
  const reader: DatasetFileReader =
    readDatasetFile ??
    ((dataset) => Promise.reject(new Error(`bench: the default preset needs the ${dataset} files and this bench was given no dataset reader`)));
  let done = 0;
  await progress(0, `default experiment (${DEFAULT_PRESET}), ${runs} runs × ${config.steps} steps`);
  const started = performance.now();
  const dataset = await loadDataset(config, reader);
  const datasetSeconds = (performance.now() - started) / 1000;
  const result = await runExperiment(config, dataset, {
    backend,
    ...(scorers ? { scorers } : {}),
    emit: (e) => {
      if (e.type === 'step' && ++done % 20 === 0) void progress(done / (runs * config.steps), `default experiment: step ${done}/${runs * config.steps}`);
    },
  });
  const value = (performance.now() - started) / 1000;
  const sum = (pick: (run: (typeof result.runs)[number]) => number) => result.runs.reduce((total, run) => total + pick(run), 0) / 1000;
  const learnerSeconds = sum((run) => run.phaseWallMs.learner);
  // Pipelined, the scorer phases overlap the learner's: what the learner waited is what selection cost the clock.
  const selectionSeconds = sum((run) =>
    run.pipeline?.mode === 'pipelined' ? (run.pipeline.queueWaitMs ?? 0) : run.phaseWallMs.scoring + run.phaseWallMs.online + run.phaseWallMs.reference,
  );
  return {
    value,
    preset: DEFAULT_PRESET,
    runs,
    steps: config.steps,
    datasetSeconds,
    learnerSeconds,
    selectionSeconds,
    otherSeconds: value - datasetSeconds - learnerSeconds - selectionSeconds,
  };
}
