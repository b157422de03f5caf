/**
 * Seeded pseudo-random numbers used everywhere in the lab (data, noise, init, batch order, sampling).
 * Mulberry32: 32-bit state, fast, good enough for simulation; never Math.random().
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Everything needed to continue the stream exactly (checkpoints). */
  snapshot(): RngState;
}

/** A generator's full state: the 32-bit counter and the cached second Box–Muller normal. */
export interface RngState {
  s: number;
  spareNormal: number | null;
}

/** A generator from a seed, or continuing exactly where `resumeFrom` left off. */
export function createRng(seed: number, resumeFrom?: RngState): Rng {
  let s = resumeFrom ? resumeFrom.s >>> 0 : (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  let spareNormal: number | null = resumeFrom?.spareNormal ?? null;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return z;
      }
      const u = 1 - next(); // (0, 1]: log is finite
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    snapshot: () => ({ s, spareNormal }),
  };
}

/** Derives an independent stream for a named purpose ("data", "init", "order", ...) from one seed. */
export function deriveSeed(seed: number, purpose: string): number {
  let h = 2166136261 ^ Math.floor(seed);
  for (let i = 0; i < purpose.length; i++) {
    h = Math.imul(h ^ purpose.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

/** Fisher–Yates shuffle in place (arrays and typed arrays alike). */
export function shuffleInPlace<A extends { length: number; [index: number]: unknown }>(items: A, rng: Rng): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}
