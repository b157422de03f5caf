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
  value: number | null;
  /** The ratio with the pipeline off (the selection-overhead experiment's). */
  off: number;
  reason: string | null;
  pipeline: PipelineReport | null;
}

/**
 * The selection-overhead experiment again with `pipeline: on` (docs/architecture.md, "Pipeline"): IID
 * runs sequentially as before; learnability's scorer side runs in a worker ahead of the learner, so its
 * wall per step is the learner's plus what the learner still waits. Target ≤ 1.05 on 2 cores.
 */
export async function measurePipeline(
  backend: string,
  config: ExperimentConfig,
  dataset: Dataset,
  off: number,
  host: BenchPipelineHost | undefined,
  emit: EventSink,
): Promise<PipelineBench> {
  if (!host) return { value: null, off, reason: 'this bench host starts no scorer workers', pipeline: null };
  const result = await runExperiment({ ...config, pipeline: 'on' }, dataset, {
    backend,
    emit,
    pipelineHost: { cores: host.cores, startScorer: host.startScorerFor(dataset) },
  });
  const [iid, active] = result.runs;
  if (!iid || !active) throw new Error(`bench: the pipelined selection experiment ended early (${result.failure?.message ?? 'no failure reported'})`);
  const perStep = (run: typeof iid) => run.final.wallMs / Math.max(1, run.final.steps);
  return { value: perStep(active) / perStep(iid), off, reason: null, pipeline: active.pipeline ?? null };
}
