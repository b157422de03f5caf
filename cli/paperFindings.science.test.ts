import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, ExperimentResult, RunResult } from '../src/core/experiment/resultTypes';
import { median, noisyShare, pct, runScienceJobs, type ScienceJob } from './scienceJobs';

/**
 * The paper's findings, reproduced at toy scale on the default `noisy-labels` preset through the
 * real CLI. Every figure is measured here; medians over three seeds. Jobs run two at a time (one
 * per core), each a separate `npm run lab` process.
 */
const SEEDS = [0, 1, 2];
const PRESET = 'noisy-labels';

// Longest jobs first: two workers finish together.
// RHO and the online reference have science files of their own (cli/rho.science.test.ts,
// cli/onlineReference.science.test.ts), each on the setting where the paper's finding is expected.
const JOBS: ScienceJob[] = SEEDS.map((seed) => ({ key: `selection-${seed}`, args: ['--policies', 'uniform,learnability,hard,easy', '--seed', String(seed)] }));

let results = new Map<string, ExperimentResult>();

const comparison = (key: string, policy: string): Comparison => {
  const c = results.get(key)?.comparisons.find((x) => x.policy === policy);
  if (!c) throw new Error(`no ${policy} comparison in ${key}`);
  return c;
};
const runOf = (key: string, policy: string): RunResult => {
  const r = results.get(key)?.runs.find((x) => x.policy === policy);
  if (!r) throw new Error(`no ${policy} run in ${key}`);
  return r;
};
const across = (prefix: string, policy: string, pick: (c: Comparison) => number | null) => median(SEEDS.map((s) => pick(comparison(`${prefix}-${s}`, policy))));

describe(`paper findings at toy scale (${PRESET}, seeds ${SEEDS.join(', ')})`, () => {
  beforeAll(async () => {
    results = await runScienceJobs(PRESET, JOBS, 2);
  });

  it('learnability with a ≥ 10× smaller scorer needs ≥ 30% fewer learner updates and saves compute', () => {
    const ratio = comparison('selection-0', 'learnability').scorerFlopRatio as number;
    expect(1 / ratio).toBeGreaterThanOrEqual(10);
    const learner = across('selection', 'learnability', (c) => c.learnerSaving);
    const compute = across('selection', 'learnability', (c) => c.computeSaving);
    console.log(`learnability: learner saving ${pct(learner)}, compute saving ${pct(compute)} (median of 3)`);
    expect(learner).toBeGreaterThanOrEqual(0.3);
    expect(compute).toBeGreaterThan(0);
  });

  it('learnability beats hard-first and easy-first on learner saving', () => {
    const learnability = across('selection', 'learnability', (c) => c.learnerSaving);
    const hard = across('selection', 'hard', (c) => c.learnerSaving);
    const easy = across('selection', 'easy', (c) => c.learnerSaving);
    console.log(`learner saving: learnability ${pct(learnability)}, hard ${pct(hard)}, easy ${pct(easy)}`);
    expect(learnability).toBeGreaterThan(hard);
    expect(learnability).toBeGreaterThan(easy);
  });

  it('hard-first over-selects corrupted examples; learnability selects under half the corpus rate', () => {
    const corpus = results.get('selection-0')!.config.labelNoise;
    const hard = median(SEEDS.map((s) => noisyShare(runOf(`selection-${s}`, 'hard'))));
    const learnability = median(SEEDS.map((s) => noisyShare(runOf(`selection-${s}`, 'learnability'))));
    const iid = median(SEEDS.map((s) => noisyShare(runOf(`selection-${s}`, 'uniform'))));
    console.log(`corrupted share selected: corpus ${pct(corpus)}, IID ${pct(iid)}, hard ${pct(hard)}, learnability ${pct(learnability)}`);
    expect(Math.abs(iid - corpus)).toBeLessThan(0.03); // the IID stream is a fair sample of the corpus
    expect(hard).toBeGreaterThan(corpus);
    expect(learnability).toBeLessThan(corpus / 2);
  });
});
