import type { PolicyName } from '../config/experimentConfig';
import type { CurvePoint, RunResult } from './resultTypes';

/** One step's super-batch and what was picked from it (for the inspector and score scatter). */
export interface SelectionSample {
  step: number;
  /** Train-split indices of the super-batch. */
  superBatch: number[];
  /** Positions (into superBatch) that were selected. */
  selected: number[];
  scores: number[] | null;
  losses: { learner?: number[]; online?: number[]; reference?: number[] };
}

/**
 * What an experiment reports while it runs; the CLI, worker and tests subscribe instead of parsing
 * logs. The experiment's result is not an event: runExperiment returns it (the worker's response).
 */
export type ExperimentEvent =
  | { type: 'phase'; runId: string; message: string }
  /** `resumedAt`: continued from a checkpoint at that step, with its curve so far. */
  /** `classNames`, `hardClasses`: classification data only (the per-class fields of curve points index them). */
  | {
      type: 'run-started';
      runId: string;
      policy: PolicyName;
      scorer: string | null;
      totalSteps: number;
      resumedAt?: number;
      curve?: CurvePoint[];
      classNames?: string[];
      hardClasses?: number[];
    }
  | {
      type: 'step';
      runId: string;
      step: number;
      totalSteps: number;
      trainLoss: number;
      learningRate: number;
      wallMs: number;
      flops: number;
      /** Pipelined runs: the two sides' busy shares so far and the sub-batches waiting (the lab's live view). */
      pipeline?: LivePipeline;
    }
  | { type: 'evaluation'; runId: string; point: CurvePoint }
  | { type: 'selection'; runId: string; sample: SelectionSample }
  | { type: 'run-finished'; runId: string; run: RunResult };

/** A pipelined run's overlap so far (docs/architecture.md, "Pipeline"): busy shares of its wall time, and the queue. */
export interface LivePipeline {
  depth: number;
  learnerBusy: number;
  scorerBusy: number;
  /** Sub-batches that were waiting when the learner took the latest one. */
  queueFill: number;
}

export type EventSink = (event: ExperimentEvent) => void;
