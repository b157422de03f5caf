import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { POLICIES } from './policies';
import { shuffledScore } from './shuffledScore';

const scores = Float32Array.from({ length: 64 }, (_, i) => i / 8 - 3);
const sorted = (xs: Float32Array) => Array.from(xs).sort((a, b) => a - b);

describe('shuffled control', () => {
  it('keeps every score (a permutation), moves most of them, and is fixed by the seed', () => {
    const a = shuffledScore(scores, createRng(1));
    expect(sorted(a)).toEqual(sorted(scores));
    expect(a.filter((v, i) => v !== scores[i]).length).toBeGreaterThan(scores.length / 2);
    expect(shuffledScore(scores, createRng(1))).toEqual(a);
    expect(shuffledScore(scores, createRng(2))).not.toEqual(a);
  });

  it('the policy shuffles learnability scores and reads the same models as learnability', () => {
    const online = Float32Array.from(scores, (s) => s + 4);
    const reference = Float32Array.from(scores, () => 1);
    const shuffled = POLICIES.shuffled.score!({ online, reference }, createRng(3));
    const learnability = POLICIES.learnability.score!({ online, reference }, createRng(3));
    expect(sorted(shuffled)).toEqual(sorted(learnability));
    expect(shuffled).not.toEqual(learnability);
    expect(POLICIES.shuffled.models).toEqual(POLICIES.learnability.models);
  });
});
