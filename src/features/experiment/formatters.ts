/** How numbers read in the charts and tables: FLOP ticks, percentages, savings, percent axes. */

/** Compact FLOP axis ticks: "0", "850 MFLOP", "1.2 GFLOP", "12 TFLOP". */
export function formatFlopTick(value: number): string {
  if (value === 0) return '0';
  const units = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = Math.abs(v) >= 10 || Number.isInteger(v) ? 0 : 1;
  return `${v.toFixed(digits)} ${units[i]}FLOP`;
}

/** 0.812 → "81.2%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(100 * fraction).toFixed(digits)}%`;
}

/** A saving with its sign: 0.234 → "+23.4%", −0.05 → "−5.0%"; null → "not reached" (never 0). */
export function formatSaving(saving: number | null): string {
  if (saving === null || !Number.isFinite(saving)) return 'not reached';
  const pct = (100 * saving).toFixed(1);
  return saving > 0 ? `+${pct}%` : saving < 0 ? `−${pct.slice(1)}%` : `${pct}%`;
}

/** A percent axis from lo to hi with round ticks (1, 2, 5, 10, 20, 25, 50, 100, then powers of ten for far-off values such as a −4000% saving; at most 7 ticks). */
export function percentAxis(lo: number, hi: number): { domain: [number, number]; ticks: number[] } {
  const span = Math.max(1e-9, hi - lo);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => span / s <= 6) ?? 10 ** Math.ceil(Math.log10(span / 6));
  const start = Math.floor(lo / step) * step;
  const end = Math.max(start + step, Math.ceil(hi / step) * step);
  const ticks = Array.from({ length: Math.round((end - start) / step) + 1 }, (_, i) => start + i * step);
  return { domain: [start, end], ticks };
}
