import type { ExperimentConfig } from '../config/experimentConfig';
import type { Dataset } from '../data/dataset';
import type { EventSink } from '../experiment/events';
import type { PipelineReport } from '../experiment/resultTypes';
import { runExperiment } from '../experiment/runExperiment';
import type { StartScorer } from '../pipeline/recoverScorer';

/** How a bench host starts scorer workers (the Node bench: worker_threads); absent where it cannot. */
export interface BenchPipelineHost {
  cores: number;
  startScorerFor: (dataset: Dataset) => StartScorer;
}

/** Learnability wall per step ÷ IID wall per step with the pipeline on, beside the same ratio off (measured in the same bench). */
export interface PipelineBench {
  /** The median of `repeats`' ratios. */
  value: number | null;
  /** Each repeat's ratio, in the order run. */
  repeats: number[];
  /** The ratio with the pipeline off (the selection-overhead experiment's). */
  off: number;
  reason: string | null;
  /** The pipeline report of the median repeat's learnability run. */
  pipeline: PipelineReport | null;
}

/**
 * The selection-overhead experiment again with `pipeline: on` (docs/architecture.md, "Pipeline"): IID
 * runs sequentially as before; learnability's scorer side runs in a worker ahead of the learner, so its
 * wall per step is the learner's plus what the learner still waits. Target ≤ 1.05 on 2 cores. Repeated
 * `repeats` times and reported as the median: a run of a few seconds on a shared 2-core machine moves by
 * tens of percent on its own (the same IID run measured 19 ms and 30 ms per step in one process).
 */
export async function measurePipeline(
  backend: string,
  config: ExperimentConfig,
  dataset: Dataset,
  off: number,
  host: BenchPipelineHost | undefined,
  emit: EventSink,
  repeats = 3,
): Promise<PipelineBench> {
  if (!host) return { value: null, repeats: [], off, reason: 'this bench host starts no scorer workers', pipeline: null };
  const measured: { ratio: number; pipeline: PipelineReport | null }[] = [];
  for (let i = 0; i < repeats; i++) {
    const result = await runExperiment({ ...config, pipeline: 'on' }, dataset, {
      backend,
      emit,
      pipelineHost: { cores: host.cores, startScorer: host.startScorerFor(dataset) },
    });
    const [iid, active] = result.runs;
    if (!iid || !active) throw new Error(`bench: the pipelined selection experiment ended early (${result.failure?.message ?? 'no failure reported'})`);
    const perStep = (run: typeof iid) => run.final.wallMs / Math.max(1, run.final.steps);
    measured.push({ ratio: perStep(active) / perStep(iid), pipeline: active.pipeline ?? null });
  }
  const middle = [...measured].sort((a, b) => a.ratio - b.ratio)[Math.floor(measured.length / 2)]!;
  return { value: middle.ratio, repeats: measured.map((m) => m.ratio), off, reason: null, pipeline: middle.pipeline };
}
