import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { POLICIES } from './policies';
import { gumbelTopK } from './sampler';

const f = (xs: number[]) => Float32Array.from(xs);

const rng = createRng(0);

describe('selection scores', () => {
  // Four examples: a noisy label (hard for everyone), an already-learnt one (easy for everyone),
  // a learnable one (hard for the online student, easy for the reference), and an average one.
  const online = f([3.0, 0.1, 2.0, 1.0]);
  const learner = f([3.2, 0.2, 1.9, 1.1]);
  const reference = f([2.9, 0.1, 0.3, 0.9]);

  it('learnability ranks differently from hard (guards a known collapse of one into the other)', () => {
    const hard = POLICIES.hard.score!({ learner }, rng);
    const learnability = POLICIES.learnability.score!({ online, reference }, rng);
    const top = (s: Float32Array) => gumbelTopK(s, 1, 0, createRng(0))[0];
    expect(top(hard)).toBe(0); // the noisy label
    expect(top(learnability)).toBe(2); // the learnable example
    expect(Array.from(learnability).map((x) => +x.toFixed(2))).toEqual([0.1, 0, 1.7, 0.1]);
  });

  it('easy prefers the reference-easy example; rho uses the learner as the online model', () => {
    expect(gumbelTopK(POLICIES.easy.score!({ reference }, rng), 1, 0, createRng(0))[0]).toBe(1);
    const rho = POLICIES.rho.score!({ learner, reference }, rng);
    expect(Array.from(rho).map((x) => +x.toFixed(2))).toEqual([0.3, 0.1, 1.6, 0.2]);
  });

  it('each policy declares exactly the models its score reads', () => {
    expect(POLICIES.uniform.models).toEqual([]);
    expect(POLICIES.learnability.models).toEqual(['online', 'reference']);
    expect(() => POLICIES.learnability.score!({ online }, rng)).toThrow('reference losses were not computed');
  });
});
