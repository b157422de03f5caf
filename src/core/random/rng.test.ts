import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, shuffleInPlace } from './rng';

describe('seeded rng', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('has the moments of U(0,1) and N(0,1)', () => {
    const rng = createRng(3);
    const n = 20_000;
    const u = Array.from({ length: n }, () => rng.next());
    const z = Array.from({ length: n }, () => rng.normal());
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(mean(z))).toBeLessThan(4 / Math.sqrt(n));
    const variance = mean(z.map((x) => x * x));
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('derives distinct streams per purpose and shuffles to a permutation', () => {
    expect(deriveSeed(5, 'data')).not.toBe(deriveSeed(5, 'init'));
    const items = shuffleInPlace([0, 1, 2, 3, 4, 5, 6, 7], createRng(4));
    expect([...items].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(items).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('continues exactly from a snapshot, including a cached normal', () => {
    const rng = createRng(7);
    rng.next();
    rng.normal(); // leaves the second Box–Muller value cached
    const resumed = createRng(0, rng.snapshot());
    const ahead = [rng.normal(), rng.next(), rng.normal()];
    expect([resumed.normal(), resumed.next(), resumed.normal()]).toEqual(ahead);
  });
});
