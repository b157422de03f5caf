import type { ExperimentResult } from './resultTypes';

/** A leading character a spreadsheet reads as the start of a formula (or of a DDE command). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): numbers as they are; text that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `@SUM(…)`, `+1`, `-1`, a leading tab or CR) gets a leading apostrophe, as the
 * OWASP CSV-injection guidance advises; text with a comma, quote or line break is quoted, quotes doubled.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Classes in the per-class columns: the result's class names, or the longest per-class array of any point (0: none). */
export function perClassColumns(result: ExperimentResult): number {
  let k = result.classNames?.length ?? 0;
  for (const run of result.runs) {
    for (const p of run.curve)
      k = Math.max(k, p.classPickShare?.length ?? 0, p.trueClassPickShare?.length ?? 0, p.classAccuracy?.length ?? 0);
  }
  return k;
}

/** The k columns of one per-class field (empty cells where a point lacks it). */
const perClass = (values: readonly (number | null)[] | undefined, k: number): (number | null)[] =>
  Array.from({ length: k }, (_, c) => values?.[c] ?? null);

/**
 * curves.csv: one row per evaluation point of every run. With per-class data (classification), each
 * class c adds pick_share_c (share of the picks by training label since the previous point),
 * true_pick_share_c (the same by true class) and acc_c (test accuracy), then worst_class_accuracy.
 */
export function curvesCsv(result: ExperimentResult): string {
  const k = perClassColumns(result);
  const columns = (prefix: string) => Array.from({ length: k }, (_, c) => `${prefix}${c}`);
  const perClassHeader =
    k === 0 ? [] : [...columns('pick_share_c'), ...columns('true_pick_share_c'), ...columns('acc_c'), 'worst_class_accuracy'];
  const header = ['run,policy,scorer,step,testAccuracy,trainLoss,flops,wallMs,noisySelectedFraction', ...perClassHeader].join(',');
  const rows = result.runs.flatMap((run) =>
    run.curve.map((p) => {
      const base = [
        run.id,
        run.policy,
        run.scorer ?? '',
        p.step,
        p.testAccuracy,
        p.trainLoss,
        p.flops,
        Math.round(p.wallMs),
        p.noisySelectedFraction,
      ];
      const classes =
        k === 0
          ? []
          : [
              ...perClass(p.classPickShare, k),
              ...perClass(p.trueClassPickShare, k),
              ...perClass(p.classAccuracy, k),
              p.worstClassAccuracy ?? null,
            ];
      return [...base, ...classes].map(csvCell).join(',');
    }),
  );
  return [header, ...rows].join('\n') + '\n';
}
