import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { gumbelTopK } from './sampler';

/** Exact inclusion probabilities of sequential softmax sampling without replacement (enumeration). */
function exactInclusion(weights: number[], k: number): number[] {
  const inclusion = new Array<number>(weights.length).fill(0);
  const walk = (remaining: number[], probability: number, depth: number) => {
    if (depth === k) return;
    const total = remaining.reduce((s, i) => s + (weights[i] as number), 0);
    for (const i of remaining) {
      const p = (probability * (weights[i] as number)) / total;
      inclusion[i] = (inclusion[i] as number) + p;
      walk(
        remaining.filter((j) => j !== i),
        p,
        depth + 1,
      );
    }
  };
  walk(
    weights.map((_, i) => i),
    1,
    0,
  );
  return inclusion;
}

describe('gumbelTopK sampler', () => {
  it('inclusion frequencies match the Plackett–Luce (softmax without replacement) expectation', () => {
    const scores = [0.1, 0.5, -0.3, 0.9, 0.0, 0.4];
    const tau = 0.5;
    const k = 3;
    const expected = exactInclusion(
      scores.map((s) => Math.exp(s / tau)),
      k,
    );
    const rng = createRng(42);
    const draws = 40_000;
    const counts = new Array<number>(scores.length).fill(0);
    for (let t = 0; t < draws; t++) for (const i of gumbelTopK(scores, k, tau, rng)) counts[i]!++;
    counts.forEach((c, i) => {
      const p = expected[i] as number;
      const sd = Math.sqrt((p * (1 - p)) / draws);
      expect(Math.abs(c / draws - p), `item ${i}: ${c / draws} vs ${p}`).toBeLessThan(4 * sd);
    });
    expect(expected.reduce((s, p) => s + p, 0)).toBeCloseTo(k, 10);
  });

  it('τ = 0 gives deterministic top-k', () => {
    expect(Array.from(gumbelTopK([3, 1, 4, 1, 5, 9, 2, 6], 3, 0, createRng(1)))).toEqual([5, 7, 4]);
  });

  it('never returns a duplicate and is reproducible from the seed', () => {
    const scores = Array.from({ length: 128 }, (_, i) => Math.sin(i));
    for (let t = 0; t < 50; t++) expect(new Set(gumbelTopK(scores, 64, 0.1, createRng(t))).size).toBe(64);
    expect(gumbelTopK(scores, 64, 0.1, createRng(7))).toEqual(gumbelTopK(scores, 64, 0.1, createRng(7)));
    expect(gumbelTopK(scores, 64, 0.1, createRng(7))).not.toEqual(gumbelTopK(scores, 64, 0.1, createRng(8)));
  });

  it('rejects non-finite scores and impossible k with a message', () => {
    expect(() => gumbelTopK([1, Number.NaN], 1, 1, createRng(1))).toThrow('score 1 is NaN');
    expect(() => gumbelTopK([1, 2], 3, 1, createRng(1))).toThrow('cannot pick 3 of 2');
  });
});
