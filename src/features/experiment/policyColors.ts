import type { PolicyName } from '../../core/config/experimentConfig';
import { POLICIES } from '../../core/selection/policies';

/** How one policy is drawn in every chart. */
export interface PolicyStyle {
  color: string;
  label: string;
  /** SVG stroke-dasharray; undefined draws a solid line. */
  dash: string | undefined;
}

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies): the IID baseline
 * is a grey dashed line, learnability the strongest colour, the other policies distinct hues.
 */
export const POLICY_STYLES: Record<PolicyName, PolicyStyle> = {
  uniform: { color: '#6b6b6b', label: POLICIES.uniform.label, dash: '6 4' },
  learnability: { color: '#d55e00', label: POLICIES.learnability.label, dash: undefined },
  hard: { color: '#0072b2', label: POLICIES.hard.label, dash: undefined },
  easy: { color: '#009e73', label: POLICIES.easy.label, dash: undefined },
  rho: { color: '#cc79a7', label: POLICIES.rho.label, dash: undefined },
  shuffled: { color: '#999999', label: POLICIES.shuffled.label, dash: '2 3' },
};

/** Extra dash patterns that tell apart several runs of one policy (a scorer ladder). */
const SECONDARY_DASHES = ['2 3', '8 3 2 3', '12 4', '1 5', '4 2 4 6'] as const;

export function policyStyle(policy: PolicyName): PolicyStyle {
  return POLICY_STYLES[policy];
}

/** "learnability@ViT-Mi/8" or "uniform": the same text as run ids. */
export function runLabel(policy: PolicyName, scorer: string | null): string {
  return scorer === null ? policy : `${policy}@${scorer}`;
}

/**
 * Colour and dash for each run of a list: the policy's colour; the first run of a policy uses the
 * policy's dash, later runs of the same policy (other scorers) get other dash patterns.
 */
export function runLineStyles(runs: readonly { id: string; policy: PolicyName }[]): Map<string, PolicyStyle> {
  const seen = new Map<PolicyName, number>();
  const styles = new Map<string, PolicyStyle>();
  for (const run of runs) {
    const n = seen.get(run.policy) ?? 0;
    seen.set(run.policy, n + 1);
    const base = POLICY_STYLES[run.policy];
    styles.set(run.id, n === 0 ? base : { ...base, dash: SECONDARY_DASHES[(n - 1) % SECONDARY_DASHES.length] });
  }
  return styles;
}

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

/** A percent axis from lo to hi with round ticks (step 1, 2, 5, 10, 20, 25 or 50; at most 7 ticks). */
export function percentAxis(lo: number, hi: number): { domain: [number, number]; ticks: number[] } {
  const span = Math.max(1e-9, hi - lo);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => span / s <= 6) ?? 100;
  const start = Math.floor(lo / step) * step;
  const end = Math.max(start + step, Math.ceil(hi / step) * step);
  const ticks = Array.from({ length: Math.round((end - start) / step) + 1 }, (_, i) => start + i * step);
  return { domain: [start, end], ticks };
}
