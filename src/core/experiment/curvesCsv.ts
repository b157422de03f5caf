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

/** curves.csv: one row per evaluation point of every run. */
export function curvesCsv(result: ExperimentResult): string {
  const header = 'run,policy,scorer,step,testAccuracy,trainLoss,flops,wallMs,noisySelectedFraction';
  const rows = result.runs.flatMap((run) =>
    run.curve.map((p) =>
      [run.id, run.policy, run.scorer ?? '', p.step, p.testAccuracy, p.trainLoss, p.flops, Math.round(p.wallMs), p.noisySelectedFraction].map(csvCell).join(','),
    ),
  );
  return [header, ...rows].join('\n') + '\n';
}
