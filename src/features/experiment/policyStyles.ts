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
