import type { PhaseFlops } from '../accounting/stepLedger';
import type { ExperimentConfig, PolicyName } from '../config/experimentConfig';
import type { RetrievalRecall } from '../train/evaluate';
import type { UploadedDatasetInfo } from '../data/upload/labImageSet';

/** One evaluation point (design §7). `flops` is cumulative training FLOPs, all phases. */
export interface CurvePoint {
  step: number;
  testAccuracy: number;
  /** Mean training loss over the steps since the previous point (null at step 0). */
  trainLoss: number | null;
  flops: number;
  wallMs: number;
  /** Corrupted share of the examples the learner trained on since the previous point. */
  noisySelectedFraction: number | null;
}

export interface RunResult {
  id: string;
  policy: PolicyName;
  /** Scorer variant, or null where no scorer model runs (uniform, hard). */
  scorer: string | null;
  final: { testAccuracy: number; steps: number; flops: number; wallMs: number };
  curve: CurvePoint[];
  /** Cumulative FLOPs by phase, and one-off reference pretraining FLOPs (held-out mode). */
  phaseFlops: PhaseFlops;
  referencePretrainFlops: number;
  /** Forward FLOPs per example of the models in play. */
  modelFlops: { learner: number; scorer: number | null };
  /** Wall time by phase (ms), measured; evaluation excluded. */
  phaseWallMs: { learner: number; scoring: number; online: number; reference: number };
  /** Clean test accuracy of the held-out reference after pretraining (null: no such reference). */
  referenceTestAccuracy: number | null;
  /** Clean test accuracy of the online student at the end of the run (null: the policy trains none). */
  onlineTestAccuracy: number | null;
  /** Image–caption tasks: recall@1 both ways on the clean test split at the last evaluation (final.testAccuracy is zero-shot accuracy). */
  retrieval?: RetrievalRecall;
  /** Two-tower models: forward FLOPs per example of each tower (their sum is modelFlops). */
  towerFlops?: { learner: Record<string, number>; scorer: Record<string, number> | null };
  /** Set when the run ended early (stopped by the user or diverged). */
  stoppedEarly?: string;
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
}
