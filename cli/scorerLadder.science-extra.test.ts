import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../src/core/config/presets';
import type { ExperimentResult } from '../src/core/experiment/resultTypes';
import { comparisonIn, median, perSeed, runScienceJobs, type ScienceJob } from './scienceJobs';

/**
 * The scorer-ladder finding (docs/science.md): with easy-first and learnability both on the ladder,
 * learnability degrades gracefully as the scorer shrinks while easy-first collapses first. Nine runs
 * and four reference pretrainings per seed: too long for CI's 25 minutes on 2 cores, so this suite
 * runs by `npm run test:science:extra`, not by `npm test`. Its assertion was written from the
 * development sweep and has not yet been confirmed on seeds 0–2 of the current preset.
 */
const SEEDS = [0, 1, 2];
const PRESET = 'scorer-ladder';
const LADDER = PRESETS[PRESET].scorers;
const JOBS: ScienceJob[] = SEEDS.map((seed) => ({
  key: `ladder-${seed}`,
  args: ['--policies', 'uniform,learnability,easy,shuffled', '--seed', String(seed)],
}));

let results = new Map<string, ExperimentResult>();

const savings = (policy: string, scorer: string): (number | null)[] =>
  SEEDS.map((s) => comparisonIn(results, `ladder-${s}`, policy, scorer).learnerSaving);
const shown = perSeed;

describe(`scorer ladder (${PRESET}, seeds ${SEEDS.join(', ')})`, () => {
  beforeAll(async () => {
    results = await runScienceJobs(PRESET, JOBS, 2);
  });

  it('learnability degrades gracefully as the scorer shrinks, easy-first collapses first', () => {
    // Rungs from the largest scorer to the smallest; median learner saving per rung (n.r. = −∞). A rung
    // "collapses" when its median saving does not clear what the shuffled control saves on that rung.
    const rungs = LADDER.map((scorer) => ({
      scorer,
      learnability: median(savings('learnability', scorer)),
      easy: median(savings('easy', scorer)),
      floor: Math.max(0, ...savings('shuffled', scorer).map((x) => Math.abs(x ?? 0))),
    }));
    for (const r of rungs) {
      console.log(
        `ladder ${r.scorer}: learnability ${shown(savings('learnability', r.scorer))}, easy ${shown(savings('easy', r.scorer))}, shuffled ${shown(savings('shuffled', r.scorer))}`,
      );
    }
    const firstCollapse = (pick: (r: (typeof rungs)[number]) => number) => {
      const at = rungs.findIndex((r) => !Number.isFinite(pick(r)) || pick(r) <= r.floor);
      return at === -1 ? rungs.length : at;
    };
    for (const r of rungs) expect(r.learnability).toBeGreaterThanOrEqual(r.easy);
    expect(firstCollapse((r) => r.easy)).toBeLessThan(firstCollapse((r) => r.learnability));
  });
});
