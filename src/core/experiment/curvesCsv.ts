import type { ExperimentResult } from './resultTypes';

/** curves.csv: one row per evaluation point of every run. */
export function curvesCsv(result: ExperimentResult): string {
  const header = 'run,policy,scorer,step,testAccuracy,trainLoss,flops,wallMs,noisySelectedFraction';
  const rows = result.runs.flatMap((run) =>
    run.curve.map((p) => [run.id, run.policy, run.scorer ?? '', p.step, p.testAccuracy, p.trainLoss ?? '', p.flops, Math.round(p.wallMs), p.noisySelectedFraction ?? ''].join(',')),
  );
  return [header, ...rows].join('\n') + '\n';
}
