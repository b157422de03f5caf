import type { PhaseRecord } from '../accounting/phases';
import type { PhaseFlops } from '../accounting/stepLedger';
import type { Flops } from '../accounting/units';
import type { ExperimentConfig, PolicyName } from '../config/experimentConfig';
import type { EarlyStop } from './earlyStop';
import type { RetrievalRecall } from '../train/evaluate';
import type { UploadedDatasetInfo } from '../data/upload/labImageSet';

/** One evaluation point (docs/architecture.md, "Run click to chart point"). `flops` is cumulative training FLOPs, all phases. */
export interface CurvePoint {
  step: number;
  testAccuracy: number;
  /** Mean training loss over the steps since the previous point (null at step 0). */
  trainLoss: number | null;
  flops: Flops;
  wallMs: number;
  /** Corrupted share of the examples the learner trained on since the previous point. */
  noisySelectedFraction: number | null;
  /**
   * Classification runs (issue 16): each class's share of the examples the learner trained on since
   * the previous point, by the training label it saw (absent at step 0, where nothing was picked yet).
   */
  classPickShare?: number[];
  /** The same by the example's true class (it differs from classPickShare only where labels are noisy). */
  trueClassPickShare?: number[];
  /** Test accuracy of each class, from the same pass as testAccuracy (null: the test split has no example of it). */
  classAccuracy?: (number | null)[];
  /** The lowest of classAccuracy. */
  worstClassAccuracy?: number;
}

export interface RunResult {
  id: string;
  policy: PolicyName;
  /** Scorer variant, or null where no scorer model runs (uniform, hard). */
  scorer: string | null;
  final: { testAccuracy: number; steps: number; flops: Flops; wallMs: number };
  curve: CurvePoint[];
  /** Cumulative FLOPs by phase, and one-off reference pretraining FLOPs (held-out mode). */
  phaseFlops: PhaseFlops;
  referencePretrainFlops: Flops;
  /** Forward FLOPs per example of the models in play. */
  modelFlops: { learner: Flops; scorer: Flops | null };
  /** Wall time by phase (ms), measured; evaluation excluded. */
  phaseWallMs: PhaseRecord<number>;
  /** Clean test accuracy of the reference: held-out, after pretraining; online, at the end of the run (null: none). */
  referenceTestAccuracy: number | null;
  /** Clean test accuracy of the online student at the end of the run (null: the policy trains none). */
  onlineTestAccuracy?: number | null;
  /** Image–caption tasks: recall@1 both ways on the clean test split at the last evaluation (final.testAccuracy is zero-shot accuracy). */
  retrieval?: RetrievalRecall;
  /** Two-tower models: forward FLOPs per example of each tower (their sum is modelFlops). */
  towerFlops?: { learner: Record<string, Flops>; scorer: Record<string, Flops> | null };
  /** Set when the run ended early: stopped by the user, diverged, or saved while still training. */
  stoppedEarly?: EarlyStop;
  /** Set when the config asked for the pipeline (auto or on): how the run was scheduled, and the overlap. */
  pipeline?: PipelineReport;
}

/**
 * How a run was scheduled (docs/architecture.md, "Pipeline"). Pipelined, `final.wallMs` is the learner
 * phase plus the learner's waits for a sub-batch, and the phases of `phaseWallMs` overlap.
 */
export interface PipelineReport {
  mode: 'pipelined' | 'sequential';
  /** Why it ran sequentially although the pipeline was asked for (null when pipelined). */
  reason: string | null;
  /** Sub-batches the scorer side may have ready ahead of the learner (null: sequential). */
  depth: number | null;
  /** Where the scorer side ran (null: sequential). */
  scorer: 'worker' | 'in-process' | null;
  /** Learner phase ÷ the run's wall time, and the scorer side's phases ÷ the same (null: sequential). */
  learnerBusy: number | null;
  scorerBusy: number | null;
  /** Time the learner waited for a sub-batch, and the scorer for room in the queue (ms; null: sequential). */
  queueWaitMs: number | null;
  scorerBlockedMs: number | null;
  /** Sub-batches waiting when the learner took one, on average (null: sequential). */
  meanQueueFill: number | null;
}

export interface Comparison {
  policy: PolicyName;
  scorer: string | null;
  targetAccuracy: number;
  stepsToTarget: number | null;
  iidStepsToTarget: number | null;
  learnerSaving: number | null;
  computeSaving: number | null;
  wallSaving: number | null;
  computePositive: boolean | null;
  /** Compute saving when the one-off held-out reference pretraining is charged to this run. */
  computeSavingWithPretraining: number | null;
  /** o = extra (non-learner) FLOPs per step ÷ learner FLOPs per step. */
  overheadRatio: number;
  /** Scorer ÷ learner forward FLOPs (null: no scorer model). */
  scorerFlopRatio: number | null;
}

export interface ExperimentResult {
  config: ExperimentConfig;
  backend: string;
  runs: RunResult[];
  comparisons: Comparison[];
  /** Set when a run diverged: the experiment stopped there, keeping every run so far (the last one partial). */
  failure?: { runId: string; message: string };
  /** With `dataset: custom`: which upload it trained on (name, size, content hash). */
  uploadedDataset?: UploadedDatasetInfo;
  /** Classification datasets: the name of each class, in label order (the per-class curve fields index it). */
  classNames?: string[];
  /** The classes the dataset makes hard by construction (synthetic: the upper half with more pixel noise); may be empty. */
  hardClasses?: number[];
}
