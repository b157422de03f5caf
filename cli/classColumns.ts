import { classSummary } from '../src/core/analysis/classSummary';
import type { ExperimentResult } from '../src/core/experiment/resultTypes';

const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);

/**
 * Appends the per-class columns to the final table (issue 16): each run's worst class at the end
 * (accuracy and name) and, where the dataset has hard classes, the hard classes' share of its picks
 * (by true class, over the whole run). Rows are `lines[1..]`, in `result.runs` order; no per-class data: unchanged.
 */
export function appendClassColumns(lines: string[][], result: ExperimentResult): void {
  if (!result.runs.some((run) => run.curve.some((p) => p.classAccuracy))) return;
  const hard = result.hardClasses ?? [];
  const header = lines[0] as string[];
  header.push('worst class');
  if (hard.length > 0) header.push('hard-class picks');
  result.runs.forEach((run, i) => {
    const row = lines[i + 1];
    if (!row) return;
    const s = classSummary(run, hard);
    const name = s.worstClass === null ? '' : ` ${result.classNames?.[s.worstClass] ?? `class ${s.worstClass}`}`;
    row.push(s.worstClassAccuracy === null ? '-' : `${pct(s.worstClassAccuracy)}${name}`);
    if (hard.length > 0) row.push(pct(s.hardPickShare));
  });
}
