import type { Comparison, RunResult } from '../experiment/resultTypes';
import { crossingPoint, targetAccuracy } from './targetCrossing';

/** 1 − active / iid, or null when either never reached the target. */
export function saving(active: number | null, iid: number | null): number | null {
  if (active === null || iid === null || iid <= 0) return null;
  return 1 - active / iid;
}

/**
 * Break-even (docs/architecture.md, "Formulas"): with learner saving s and per-step overhead o (extra FLOPs ÷ learner
 * FLOPs), an active run spends (1 − s)(1 + o) of IID's compute: positive iff that is below 1.
 */
export function isComputePositive(learnerSaving: number, overheadRatio: number): boolean {
  return (1 - learnerSaving) * (1 + overheadRatio) < 1;
}

/** o for a run: everything but learner updates, per learner-update FLOP. */
export function overheadRatio(run: RunResult): number {
  const { learner, scoring, online, reference } = run.phaseFlops;
  return learner > 0 ? (scoring + online + reference) / learner : 0;
}

/** Compares an active run with the IID baseline at the IID run's smoothed final accuracy a*. */
export function compareWithIid(iid: RunResult, active: RunResult): Comparison {
  const target = targetAccuracy(iid.curve);
  const steps = crossingPoint(active.curve, target, 'step');
  const iidSteps = crossingPoint(iid.curve, target, 'step');
  const flops = crossingPoint(active.curve, target, 'flops');
  const iidFlops = crossingPoint(iid.curve, target, 'flops');
  const learnerSaving = saving(steps, iidSteps);
  const computeSaving = saving(flops, iidFlops);
  const withPretraining = flops === null ? null : saving(flops + active.referencePretrainFlops, iidFlops);
  return {
    policy: active.policy,
    scorer: active.scorer,
    targetAccuracy: target,
    stepsToTarget: steps,
    iidStepsToTarget: iidSteps,
    learnerSaving,
    computeSaving,
    wallSaving: saving(crossingPoint(active.curve, target, 'wallMs'), crossingPoint(iid.curve, target, 'wallMs')),
    computePositive: computeSaving === null ? null : computeSaving > 0,
    computeSavingWithPretraining: withPretraining,
    overheadRatio: overheadRatio(active),
    scorerFlopRatio: active.modelFlops.scorer === null ? null : active.modelFlops.scorer / active.modelFlops.learner,
  };
}

/** Every non-IID run against the first IID run of the list. */
export function compareRuns(runs: readonly RunResult[]): Comparison[] {
  const iid = runs.find((r) => r.policy === 'uniform');
  if (!iid) return [];
  return runs.filter((r) => r !== iid).map((r) => compareWithIid(iid, r));
}
