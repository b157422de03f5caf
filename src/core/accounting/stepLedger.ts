import type { PolicyName, ReferenceMode } from '../config/experimentConfig';
import { flops, type Flops } from './units';

/** Training FLOPs of one step, by phase (design §5). Evaluation is never counted here. */
export interface PhaseFlops {
  learner: Flops;
  scoring: Flops;
  online: Flops;
  reference: Flops;
}

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
  return policy === 'easy' || policy === 'learnability' || policy === 'rho' || policy === 'shuffled';
}

export function stepPhaseFlops(x: LedgerInputs): PhaseFlops {
  const { learnerFlops: FL, onlineFlops: FO, referenceFlops: FR, batchSize: b, superBatchSize: B } = x;
  const scoringPerExample: Record<PolicyName, number> = {
    uniform: 0,
    hard: FL,
    easy: FR,
    learnability: FO + FR,
    rho: FL + FR,
    shuffled: FO + FR,
  };
  const online = x.policy === 'learnability' || x.policy === 'shuffled' ? 3 * FO * b : 0;
  const reference = policyUsesReference(x.policy) && x.referenceMode === 'online' ? 3 * FR * B : 0;
  return {
    learner: flops(3 * FL * b),
    scoring: flops(scoringPerExample[x.policy] * B),
    online: flops(online),
    reference: flops(reference),
  };
}

export function totalPhaseFlops(p: PhaseFlops): Flops {
  return flops(p.learner + p.scoring + p.online + p.reference);
}

export function addPhaseFlops(a: PhaseFlops, b: PhaseFlops): PhaseFlops {
  return {
    learner: flops(a.learner + b.learner),
    scoring: flops(a.scoring + b.scoring),
    online: flops(a.online + b.online),
    reference: flops(a.reference + b.reference),
  };
}

export const ZERO_PHASE_FLOPS: PhaseFlops = Object.freeze({ learner: flops(0), scoring: flops(0), online: flops(0), reference: flops(0) });

/** Held-out reference pretraining, paid once before step 1: 3·F_R per example seen. */
export function referencePretrainFlops(referenceFlops: number, examplesSeen: number): Flops {
  return flops(3 * referenceFlops * examplesSeen);
}
