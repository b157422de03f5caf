import type { ReferenceMode } from '../config/experimentConfig';
import type { ScoringModel } from '../selection/selectionPolicy';
import { phaseRecord, sumPhases, type PhaseRecord } from './phases';
import { flops, type Flops } from './units';

/** Training FLOPs of one step, by phase (docs/architecture.md, "FLOP ledger"). Evaluation is never counted here. */
export type PhaseFlops = PhaseRecord<Flops>;

export interface LedgerInputs {
  /** The models the policy scores with (its registry entry's `models`); the costs follow from them. */
  models: readonly ScoringModel[];
  referenceMode: ReferenceMode;
  /** Forward FLOPs per example: learner, online model, reference model. */
  learnerFlops: number;
  onlineFlops: number;
  referenceFlops: number;
  /** b and B. */
  batchSize: number;
  superBatchSize: number;
  /** An online reference's own batch per step: referenceBatchFactor × b. */
  referenceBatchSize: number;
}

/**
 * One step's training FLOPs: the learner's update 3·F_L·b; scoring, the forward FLOPs of each
 * model the policy scores with on all B; the online student's update 3·F_O·b when it scores with
 * one; an online reference's update 3·F_R·(factor·b) on its own batch when it scores with a
 * reference in online mode.
 */
export function stepPhaseFlops(x: LedgerInputs): PhaseFlops {
  const { learnerFlops: FL, onlineFlops: FO, referenceFlops: FR, batchSize: b, superBatchSize: B } = x;
  const forward: Record<ScoringModel, number> = { learner: FL, online: FO, reference: FR };
  const scoringPerExample = x.models.reduce((sum, model) => sum + forward[model], 0);
  const online = x.models.includes('online') ? 3 * FO * b : 0;
  const reference = x.models.includes('reference') && x.referenceMode === 'online' ? 3 * FR * x.referenceBatchSize : 0;
  return {
    learner: flops(3 * FL * b),
    scoring: flops(scoringPerExample * B),
    online: flops(online),
    reference: flops(reference),
  };
}

export function totalPhaseFlops(p: PhaseFlops): Flops {
  return flops(sumPhases(p));
}

export function addPhaseFlops(a: PhaseFlops, b: PhaseFlops): PhaseFlops {
  return phaseRecord((phase) => flops(a[phase] + b[phase]));
}

export const ZERO_PHASE_FLOPS: PhaseFlops = Object.freeze(phaseRecord(() => flops(0)));

/** Held-out reference pretraining, paid once before step 1: 3·F_R per example seen. */
export function referencePretrainFlops(referenceFlops: number, examplesSeen: number): Flops {
  return flops(3 * referenceFlops * examplesSeen);
}
