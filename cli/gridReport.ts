import type { SweepCellResult, SweepResult } from '../src/core/sweep/runSweep';
import type { SweepAxis } from '../src/core/sweep/sweepSpec';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1).replace(/^-0\.0$/, '0.0')}%`);
const AXIS_LABEL: Record<string, string> = { rho: 'ρ', tau: 'τ', steps: 'steps', scorer: 'scorer' };

function layout(lines: string[][]): string {
  const widths = lines[0]!.map((_, col) => Math.max(...lines.map((l) => (l[col] ?? '').length)));
  return lines
    .map((l) =>
      l
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One line per finished cell, printed as it finishes. */
export function cellLine(cell: SweepCellResult, index: number, total: number, elapsedMs: number): string {
  const a = cell.targetAccuracy === null ? '' : `  a* ${pct(cell.targetAccuracy)}`;
  const failed = cell.failure ? `  FAILED: ${cell.failure}` : '';
  return `cell ${index + 1}/${total}  ${cell.id.padEnd(22)} learner saving ${pct(cell.learnerSaving).padStart(7)}  compute saving ${pct(cell.computeSaving).padStart(7)}${a}  (${cell.baselineId})  ${(elapsedMs / 1000).toFixed(1)}s${failed}`;
}

const valueOf = (cell: SweepCellResult, axis: SweepAxis) => cell.values[axis.key];

/**
 * The final grid: with two axes a matrix (rows the first axis, e.g. ρ; columns the second, e.g. τ;
 * each cell "learner / compute" saving); otherwise one row per cell with both savings, with
 * pretraining, a* and the IID run used — the budget-scaling table when the axis is steps.
 */
export function gridTable(result: SweepResult): string {
  const [rows, cols] = result.axes;
  if (result.axes.length === 2 && rows && cols) {
    const lines = [
      [`${AXIS_LABEL[rows.key]} \\ ${AXIS_LABEL[cols.key]}`, ...cols.values.map((v) => `${AXIS_LABEL[cols.key]}=${String(v)}`)],
    ];
    for (const r of rows.values) {
      lines.push([
        `${AXIS_LABEL[rows.key]}=${String(r)}`,
        ...cols.values.map((c) => {
          const cell = result.cells.find((x) => valueOf(x, rows) === r && valueOf(x, cols) === c);
          return cell ? `${pct(cell.learnerSaving)} / ${pct(cell.computeSaving)}` : 'not run';
        }),
      ]);
    }
    return `${result.policy} vs IID — learner saving / compute saving (— : never reached a*)\n${layout(lines)}`;
  }
  const lines = [
    [
      ...result.axes.map((a) => AXIS_LABEL[a.key] ?? a.key),
      'IID budget',
      'a*',
      'learner saving',
      'compute saving',
      'with pretraining',
      'IID run',
    ],
  ];
  for (const cell of result.cells) {
    lines.push([
      ...result.axes.map((a) => String(valueOf(cell, a))),
      `${cell.steps} steps`,
      pct(cell.targetAccuracy),
      pct(cell.learnerSaving),
      pct(cell.computeSaving),
      pct(cell.computeSavingWithPretraining),
      cell.baselineId,
    ]);
  }
  return `${result.policy} vs IID\n${layout(lines)}`;
}
