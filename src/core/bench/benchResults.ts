import type { PipelineBench } from './pipelineBench';

/** One printed line of the benchmark table. */
export interface BenchRow {
  label: string;
  value: string;
}

interface Measured<V> {
  value: V;
  backend: string;
  variant: string;
}

/** Wall seconds of the default experiment, and where they went (the learner phase alone is the floor no selection change can lower). */
export interface ClassroomTime {
  value: number;
  preset: string;
  runs: number;
  steps: number;
  /** Building or reading the dataset. */
  datasetSeconds: number;
  /** Every run's learner phase (forward, backward, AdamW on the sub-batch). */
  learnerSeconds: number;
  /** Every run's scoring, online-student and online-reference phases (sequential runs; pipelined, the learner's waits). */
  selectionSeconds: number;
  /** The rest: warm-up, reference pretraining, evaluations, checkpoints, events. */
  otherSeconds: number;
}

/** bench/results.json (keys stable; docs/architecture.md, "Benchmarks"): each figure with the backend and variant it was measured on. */
export interface BenchResults {
  backend: string;
  quick: boolean;
  engineEfficiency: Measured<number> & { batch: number; trainStepMs: number; matmulShape: [number, number, number] };
  selectionOverheadRatio: Measured<number> & { measuredRatio: number; predictedRatio: number; steps: number; learner: string; batch: number };
  /** Learnability ÷ IID wall per step with the scorer side pipelined (null where the host starts no scorer workers), and `off`. */
  pipelineRatio?: Measured<number | null> & PipelineBench & { steps: number; contentionFloor?: number };
  /** Learner step while a second wasm thread trains ÷ alone (Node only: cli/contention/coreContention.ts); 1 = independent cores. */
  coreContention?: Measured<number> & { aloneMs: number; loadedMs: number; loadSteps: number; batch: number };
  throughput: Record<string, { trainExamplesPerSecond: number; scoreExamplesPerSecond: number; forwardFlops: number }>;
  tensorsAfterWarmup: Measured<number> & { step: number };
  tensorsAfterN: Measured<number> & { step: number };
  bytesAfterWarmup: Measured<number> & { step: number };
  bytesAfterN: Measured<number> & { step: number };
  peerRatio: Measured<number | null> & { peer: { framework: string; threads: number; stepMs: number } | null };
  /** Learner step on 1 wasm thread ÷ on every core; null with the reason where threads cannot run. */
  threadSpeedup: Measured<number | null> & { threads: number; oneThreadMs: number | null; allThreadsMs: number | null; reason: string | null; batch: number };
  /** First ÷ second of two identical IID runs after the warm-up, and without it (Node only: fresh processes; cli/warmUpBench.ts). */
  warmUpRatio?: Measured<number> & { withoutWarmUp: number; steps: number; accuraciesEqual: boolean };
  /** The default preset's experiment end to end (full mode only; null in --quick). */
  defaultExperimentSeconds: (Measured<number> & Omit<ClassroomTime, 'value'>) | null;
}

/** What makes a run fail (the quick mode's check): a ratio that is not a number, or memory that grew. */
export function benchProblems(results: BenchResults): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(results.engineEfficiency.value)) problems.push(`engineEfficiency is ${results.engineEfficiency.value}, not a number`);
  if (!Number.isFinite(results.selectionOverheadRatio.value)) problems.push(`selectionOverheadRatio is ${results.selectionOverheadRatio.value}, not a number`);
  if (results.tensorsAfterN.value !== results.tensorsAfterWarmup.value) {
    problems.push(`tensor count grew from ${results.tensorsAfterWarmup.value} (step ${results.tensorsAfterWarmup.step}) to ${results.tensorsAfterN.value} (step ${results.tensorsAfterN.step})`);
  }
  if (results.bytesAfterN.value !== results.bytesAfterWarmup.value) {
    problems.push(`backend bytes grew from ${results.bytesAfterWarmup.value} (step ${results.bytesAfterWarmup.step}) to ${results.bytesAfterN.value} (step ${results.bytesAfterN.step})`);
  }
  if (results.warmUpRatio && !results.warmUpRatio.accuraciesEqual) problems.push('two identical IID runs gave different curves around the warm-up');
  const contention = results.coreContention;
  if (contention && (!Number.isFinite(contention.value) || contention.loadSteps < 1))
    problems.push(`coreContention is ${contention.value} with ${contention.loadSteps} load-thread steps: the second thread must train while the learner is timed`);
  return problems;
}

/** The table as printed by `npm run bench` and `npm run bench:browser`: label, then value. */
export function benchTableLine(row: BenchRow): string {
  return `${row.label.padEnd(58)} ${row.value}`;
}
