import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { POLICIES } from './policies';
import { NonFiniteScoreError, selectSubBatch } from './selectSubBatch';

describe('selectSubBatch', () => {
  const learner = Float32Array.from([0.5, 3, 1, 2]);

  it('the IID baseline takes the first b positions and scores nothing', () => {
    expect(selectSubBatch(POLICIES.uniform, {}, 2, 1, createRng(0))).toEqual({ positions: Int32Array.from([0, 1]), scores: null });
  });

  it('at τ = 0 a policy takes its b best-scored positions, best first', () => {
    const choice = selectSubBatch(POLICIES.hard, { learner }, 2, 0, createRng(0));
    expect(Array.from(choice.positions)).toEqual([1, 3]);
    expect(choice.scores).toEqual(learner);
  });

  it('a score that is not finite is reported with its position', () => {
    const losses = { learner: Float32Array.from([0.5, Number.NaN, 1, 2]) };
    expect(() => selectSubBatch(POLICIES.hard, losses, 2, 1, createRng(0))).toThrow(NonFiniteScoreError);
    expect(() => selectSubBatch(POLICIES.hard, losses, 2, 1, createRng(0))).toThrow(/score 1 of the super-batch is not finite/);
  });
});
