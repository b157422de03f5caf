import type { PolicyName, ReferenceMode } from '../config/experimentConfig';
import { phaseRecord, sumPhases, type PhaseRecord } from './phases';
import { flops, type Flops } from './units';

/** Training FLOPs of one step, by phase (docs/architecture.md, "FLOP ledger"). Evaluation is never counted here. */
export type PhaseFlops = PhaseRecord<Flops>;

export interface LedgerInputs {
  policy: PolicyName;
  referenceMode: ReferenceMode;
  /** Forward FLOPs per example: learner, online model, reference model. */
  learnerFlops: number;
  onlineFlops: number;
  referenceFlops: number;
  /** b and B. */
  batchSize: number;
  superBatchSize: number;
}

/** Which scorer models a policy runs on the super-batch. */
export function policyUsesReference(policy: PolicyName): boolean {
  return policy === 'easy' || policy === 'learnability' || policy === 'rho';
}

export function stepPhaseFlops(x: LedgerInputs): PhaseFlops {
  const { learnerFlops: FL, onlineFlops: FO, referenceFlops: FR, batchSize: b, superBatchSize: B } = x;
  const scoringPerExample: Record<PolicyName, number> = {
    uniform: 0,
    hard: FL,
    easy: FR,
    learnability: FO + FR,
    rho: FL + FR,
  };
  const online = x.policy === 'learnability' ? 3 * FO * b : 0;
  const reference = policyUsesReference(x.policy) && x.referenceMode === 'online' ? 3 * FR * B : 0;
  return {
    learner: flops(3 * FL * b),
    scoring: flops(scoringPerExample[x.policy] * B),
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
