import { csvCell } from '../experiment/curvesCsv';
import type { SweepResult } from './runSweep';

/** grid.csv: one row per finished cell, a column per sweep key, then what the cell measured. */
export function gridCsv(result: SweepResult): string {
  const keys = result.axes.map((a) => a.key);
  const measures = [
    'baselineId',
    'policy',
    'scorer',
    'steps',
    'targetAccuracy',
    'learnerSaving',
    'computeSaving',
    'computeSavingWithPretraining',
    'stepsToTarget',
    'iidStepsToTarget',
    'finalAccuracy',
    'iidFinalAccuracy',
    'failure',
  ] as const;
  const header = ['cell', ...keys, ...measures].map(csvCell).join(',');
  const rows = result.cells.map((cell) =>
    [cell.id, ...keys.map((k) => cell.values[k] ?? null), ...measures.map((m) => cell[m] ?? null)].map(csvCell).join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}
