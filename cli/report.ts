import type { ExperimentResult } from '../src/core/experiment/resultTypes';
export { curvesCsv } from '../src/core/experiment/curvesCsv';
import { formatFlops } from '../src/core/accounting/units';
import { appendClassColumns } from './classColumns';

const pct = (x: number | null) => (x === null ? 'not reached' : `${(100 * x).toFixed(1)}%`);
const acc = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${(100 * x).toFixed(1)}%`);

/** The final table printed by the CLI. */
export function finalTable(result: ExperimentResult): string {
  const lines = [
    [
      'run',
      'scorer',
      'final acc',
      'reference acc',
      'online acc',
      'steps',
      'train FLOPs',
      'wall s',
      'learner saving',
      'compute saving',
      'wall saving',
    ],
  ];
  for (const run of result.runs) {
    const c = result.comparisons.find((x) => x.policy === run.policy && x.scorer === run.scorer);
    lines.push([
      run.id,
      run.scorer ?? '-',
      `${(100 * run.final.testAccuracy).toFixed(1)}%`,
      acc(run.referenceTestAccuracy),
      acc(run.onlineTestAccuracy),
      String(run.final.steps),
      formatFlops(run.final.flops),
      (run.final.wallMs / 1000).toFixed(1),
      run.policy === 'uniform' ? '(baseline)' : pct(c?.learnerSaving ?? null),
      run.policy === 'uniform' ? '' : pct(c?.computeSaving ?? null),
      run.policy === 'uniform' ? '' : pct(c?.wallSaving ?? null),
    ]);
  }
  appendClassColumns(lines, result);
  const widths = lines[0]!.map((_, col) => Math.max(...lines.map((l) => (l[col] ?? '').length)));
  const table = lines.map((l) => l.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ')).join('\n');
  const recalls = result.runs.flatMap((run) =>
    run.retrieval ? [`${run.id} ${pct(run.retrieval.imageToText)} / ${pct(run.retrieval.textToImage)}`] : [],
  );
  const legend =
    'final acc: the learner; reference acc / online acc: the scorers on the same clean test split (bad students score below the learner)';
  const pipeline = pipelineLines(result);
  return (
    (recalls.length > 0
      ? `${table}\n\nfinal acc = zero-shot accuracy; recall@1 image→text / text→image: ${recalls.join('; ')}`
      : `${table}\n\n${legend}`) + (pipeline ? `\n\n${pipeline}` : '')
  );
}

/** How each run was scheduled, when the pipeline was asked for: the overlap of a pipelined run, or why it ran sequentially. */
export function pipelineLines(result: ExperimentResult): string {
  return result.runs
    .flatMap((run) => {
      const p = run.pipeline;
      if (!p) return [];
      if (p.mode === 'sequential') return [`${run.id}: sequential (${p.reason ?? 'pipeline off'})`];
      const share = (x: number | null) => `${(100 * (x ?? 0)).toFixed(0)}%`;
      return [
        `${run.id}: pipelined (${p.scorer} scorer, depth ${p.depth}): learner busy ${share(p.learnerBusy)}, scorer busy ${share(p.scorerBusy)}, ` +
          `learner waited ${((p.queueWaitMs ?? 0) / 1000).toFixed(1)} s, queue fill ${(p.meanQueueFill ?? 0).toFixed(1)}`,
      ];
    })
    .join('\n');
}

/** A one-line progress bar with ETA, redrawn in place on a terminal. */
export function progressLine(label: string, done: number, total: number, elapsedMs: number, extra: string): string {
  const width = 24;
  const filled = Math.round((width * done) / Math.max(1, total));
  const etaS = done > 0 ? ((total - done) * elapsedMs) / done / 1000 : NaN;
  const eta = Number.isFinite(etaS) ? `ETA ${etaS.toFixed(0)}s` : 'ETA --';
  return `${label.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${eta} ${extra}`;
}
