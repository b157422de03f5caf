import type { ExperimentResult } from '../experiment/resultTypes';

/** Everything each run of a result computes, wall time aside: what two schedules of the same run must share. */
export const computedRuns = (result: ExperimentResult) =>
  result.runs.map((r) => ({
    id: r.id,
    final: { ...r.final, wallMs: 0 },
    phaseFlops: r.phaseFlops,
    curve: r.curve.map((p) => ({ ...p, wallMs: 0 })),
    onlineTestAccuracy: r.onlineTestAccuracy,
    referenceTestAccuracy: r.referenceTestAccuracy,
  }));
