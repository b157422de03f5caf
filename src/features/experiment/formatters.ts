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
  return roundedAxis(lo, hi, step);
}

/**
 * An axis from lo to hi (any scale: steps, FLOPs, losses) rounded out to 1, 2, 2.5 or 5 × 10^k ticks,
 * at most `maxTicks` (≥ 3; 7 by default). Charts pass these ticks to recharts so it skips its own (slow, decimal-arithmetic) tick search.
 */
export function niceAxis(lo: number, hi: number, maxTicks = 7): { domain: [number, number]; ticks: number[] } {
  const span = hi - lo > 0 && Number.isFinite(hi - lo) ? hi - lo : Math.max(1, Math.abs(hi));
  const top = Math.max(hi, lo + span);
  const power = 10 ** Math.floor(Math.log10(span / 6));
  const fits = (step: number) => Math.ceil(top / step) - Math.floor(lo / step) + 1 <= maxTicks;
  const step = [1, 2, 2.5, 5, 10, 20, 25, 50].map((m) => m * power).find(fits) ?? 100 * power;
  return roundedAxis(lo, top, step);
}

function roundedAxis(lo: number, hi: number, step: number): { domain: [number, number]; ticks: number[] } {
  const start = Math.floor(lo / step) * step;
  const end = Math.max(start + step, Math.ceil(hi / step) * step);
  // Rounded to 12 significant digits, so 3 × 0.1 is the tick 0.3, not 0.30000000000000004.
  const ticks = Array.from({ length: Math.round((end - start) / step) + 1 }, (_, i) => Number((start + i * step).toPrecision(12)));
  return { domain: [start, end], ticks };
}
