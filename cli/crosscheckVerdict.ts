import { median } from './scienceJobs';

/** The policies the cross-check compares (docs/pytorch-export.md, "Cross-check"). */
export const CROSSCHECK_POLICIES = ['uniform', 'learnability', 'easy', 'hard'] as const;
/** Largest allowed gap between the lab's and PyTorch's median learnability learner saving. */
export const MAX_LEARNABILITY_GAP = 0.1;

/** Learner saving by policy, one record per seed (null: never reached IID's final accuracy). */
export type SavingsBySeed = Record<string, number | null>[];

/**
 * Policies by median learner saving, best first; IID saves 0 by definition; "not reached" ranks
 * below every saving, and policies tied there are listed by name (a tie is no disagreement).
 */
export function ranking(savings: SavingsBySeed): string[] {
  const value = (policy: string) => (policy === 'uniform' ? 0 : median(savings.map((s) => s[policy] ?? null)));
  return [...CROSSCHECK_POLICIES].sort((a, b) => value(b) - value(a) || (value(a) === value(b) ? a.localeCompare(b) : 0));
}

/** The cross-check's verdict: an empty `problems` passes. */
export function crosscheckVerdict(lab: SavingsBySeed, torch: SavingsBySeed) {
  const problems: string[] = [];
  const labMedian = median(lab.map((s) => s.learnability ?? null));
  const torchMedian = median(torch.map((s) => s.learnability ?? null));
  const gap = Math.abs(labMedian - torchMedian);
  if (!(gap <= MAX_LEARNABILITY_GAP))
    problems.push(
      `median learnability learner saving: lab ${fmt(labMedian)}, PyTorch ${fmt(torchMedian)}; allowed gap ${100 * MAX_LEARNABILITY_GAP} points`,
    );
  const labRanking = ranking(lab);
  const torchRanking = ranking(torch);
  if (labRanking.join() !== torchRanking.join())
    problems.push(`ranking differs: lab ${labRanking.join(' > ')}, PyTorch ${torchRanking.join(' > ')}`);
  return { problems, labRanking, torchRanking, labMedian, torchMedian };
}

const fmt = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n.r.');
