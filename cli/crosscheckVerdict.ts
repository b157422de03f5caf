import { median } from './scienceJobs';

/** The policies the cross-check compares (docs/pytorch-export.md, "Cross-check"). */
export const CROSSCHECK_POLICIES = ['uniform', 'learnability', 'easy', 'hard'] as const;
/** Largest allowed gap between the lab's and PyTorch's median learnability learner saving. */
export const MAX_LEARNABILITY_GAP = 0.1;
/** Two policies whose median savings are closer than this are tied in a ranking (seed noise). */
export const RANKING_TIE = 0.05;

/** Learner saving by policy, one record per seed (null: never reached IID's final accuracy). */
export type SavingsBySeed = Record<string, number | null>[];

/** A policy's median learner saving; IID saves 0 by definition; "not reached" is −∞ (below every saving). */
export function medianSaving(savings: SavingsBySeed, policy: string): number {
  return policy === 'uniform' ? 0 : median(savings.map((s) => s[policy] ?? null));
}

/** Policies by median learner saving, best first (ties by name). */
export function ranking(savings: SavingsBySeed): string[] {
  const value = (p: string) => medianSaving(savings, p);
  return [...CROSSCHECK_POLICIES].sort((a, b) => (value(a) === value(b) ? a.localeCompare(b) : value(b) - value(a)));
}

/** p ranks above q: its median saving is higher by at least RANKING_TIE (two "not reached" are tied). */
function above(savings: SavingsBySeed, p: string, q: string): boolean {
  const [a, b] = [medianSaving(savings, p), medianSaving(savings, q)];
  return a !== b && a - b >= RANKING_TIE;
}

/**
 * The cross-check's verdict (an empty `problems` passes): the median learnability savings within
 * MAX_LEARNABILITY_GAP, and the same ranking up to ties — no pair of policies that one implementation
 * ranks apart (by ≥ RANKING_TIE) is ranked apart the other way round by the other. A pair within the tie
 * margin in one may be apart in the other: a saving of 0.3% against "not reached" is a flip across 0, not
 * a different ranking.
 */
export function crosscheckVerdict(lab: SavingsBySeed, torch: SavingsBySeed) {
  const problems: string[] = [];
  const labMedian = medianSaving(lab, 'learnability');
  const torchMedian = medianSaving(torch, 'learnability');
  const gap = Math.abs(labMedian - torchMedian);
  if (!(gap <= MAX_LEARNABILITY_GAP))
    problems.push(
      `median learnability learner saving: lab ${fmt(labMedian)}, PyTorch ${fmt(torchMedian)}; allowed gap ${100 * MAX_LEARNABILITY_GAP} points`,
    );
  for (const p of CROSSCHECK_POLICIES)
    for (const q of CROSSCHECK_POLICIES)
      if (above(lab, p, q) && above(torch, q, p))
        problems.push(
          `ranking differs: lab ranks ${p} (${fmt(medianSaving(lab, p))}) above ${q} (${fmt(medianSaving(lab, q))}), PyTorch ${q} (${fmt(medianSaving(torch, q))}) above ${p} (${fmt(medianSaving(torch, p))})`,
        );
  return { problems, labRanking: ranking(lab), torchRanking: ranking(torch), labMedian, torchMedian };
}

/** A saving as a percentage, or "n.r." (not reached). */
export const fmt = (x: number | null) => (x !== null && Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n.r.');
