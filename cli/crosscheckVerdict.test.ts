import { describe, expect, it } from 'vitest';
import { crosscheckVerdict, ranking } from './crosscheckVerdict';

const seeds = (learnability: number | null, easy: number | null, hard: number | null) =>
  [0, 1, 2].map(() => ({ learnability, easy, hard }));

describe('crosscheckVerdict', () => {
  it('passes when the learnability medians are within 10 points and the rankings agree', () => {
    expect(crosscheckVerdict(seeds(0.3, 0.1, -0.2), seeds(0.22, 0.05, null)).problems).toEqual([]);
  });

  it('fails on a learnability gap over 10 points, naming both medians', () => {
    const { problems } = crosscheckVerdict(seeds(0.3, 0.1, -0.2), seeds(0.15, 0.1, -0.2));
    expect(problems).toEqual(['median learnability learner saving: lab 30.0%, PyTorch 15.0%; allowed gap 10 points']);
  });

  it('fails on a different ranking; "not reached" ranks last and ties are no disagreement', () => {
    expect(ranking(seeds(0.3, null, null))).toEqual(['learnability', 'uniform', 'easy', 'hard']);
    const { problems } = crosscheckVerdict(seeds(0.3, 0.1, -0.2), seeds(0.3, 0.35, -0.2));
    expect(problems).toEqual(['ranking differs: lab learnability > easy > uniform > hard, PyTorch easy > learnability > uniform > hard']);
  });
});
