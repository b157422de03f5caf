import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, ExperimentResult, RunResult } from '../src/core/experiment/resultTypes';
import { comparisonIn, median, perSeed, runIn, noisyShare, pct, runScienceJobs, type ScienceJob } from './scienceJobs';

/**
 * RHO-loss (the learner as its own online model) where the paper's finding is expected: on the
 * `rho-saturated` preset (clean, easy images IID learns to 97–100% in 400 steps) scoring every
 * super-batch example with the learner costs more compute than the updates it saves (the paper:
 * 0% fewer updates, −79% compute). And a check that fails if RHO's score were random: with 30% label
 * noise on the same images it all but stops picking mislabelled examples, where random picks (the
 * IID run's) take the corpus rate. Through the real CLI, three seeds; table: docs/science.md, "RHO".
 *
 * Not in CI (`npm run test:science:extra`): too long for CI's 25 minutes on 2 cores. Its figures were
 * measured on the default preset before the bad-students rework (docs/science.md) and are not yet
 * confirmed on the current one.
 */
const SEEDS = [0, 1, 2];
const PRESET = 'rho-saturated';

// Longest jobs first: two workers finish together.
const JOBS: ScienceJob[] = [
  ...SEEDS.map((seed) => ({ key: `saturated-${seed}`, args: ['--seed', String(seed)] })),
  ...SEEDS.map((seed) => ({
    key: `noisy-${seed}`,
    args: ['--label-noise', '0.3', '--steps', '200', '--eval-every', '50', '--seed', String(seed)],
  })),
];

let results = new Map<string, ExperimentResult>();

const runOf = (key: string, policy: string): RunResult => runIn(results, key, policy);
const comparisonOf = (key: string): Comparison => comparisonIn(results, key, 'rho');

describe(`RHO where the paper's finding is expected (${PRESET}, seeds ${SEEDS.join(', ')})`, () => {
  beforeAll(async () => {
    results = await runScienceJobs(PRESET, JOBS, 2);
  });

  it('on data IID nearly masters, RHO costs more compute than it saves (median of 3 seeds)', () => {
    const iid = SEEDS.map((s) => runOf(`saturated-${s}`, 'uniform').final.testAccuracy);
    const comparisons = SEEDS.map((s) => comparisonOf(`saturated-${s}`));
    const learner = comparisons.map((c) => c.learnerSaving);
    const compute = comparisons.map((c) => c.computeSaving);
    const withPretraining = comparisons.map((c) => c.computeSavingWithPretraining);
    console.log(
      `IID final ${perSeed(iid)}; RHO learner saving ${perSeed(learner)}, compute saving ${perSeed(compute)} (median ${pct(median(compute))}), incl. reference pretraining ${perSeed(withPretraining)}; o = ${comparisons[0]!.overheadRatio.toFixed(2)}`,
    );
    // Measured: IID 99.7 / 97.0 / 98.4%; RHO learner saving not reached / 40.7% / 19.4%, compute saving
    // not reached / −0.6% / −36.9% (median −36.9%), incl. pretraining not reached / −10.1% / −47.7%.
    for (const accuracy of iid) expect(accuracy).toBeGreaterThanOrEqual(0.97);
    expect(median(compute)).toBeLessThan(0);
    expect(median(withPretraining)).toBeLessThan(0);
  });

  it('its score is what steers it: with 30% label noise it picks under a fifth of the corpus rate of mislabelled examples, random picks the corpus rate', () => {
    const corpus = results.get('noisy-0')!.config.labelNoise;
    const rho = SEEDS.map((s) => noisyShare(runOf(`noisy-${s}`, 'rho')));
    const iid = SEEDS.map((s) => noisyShare(runOf(`noisy-${s}`, 'uniform')));
    const learner = SEEDS.map((s) => comparisonOf(`noisy-${s}`).learnerSaving);
    console.log(
      `mislabelled share picked: corpus ${pct(corpus)}, IID ${perSeed(iid)}, RHO ${perSeed(rho)}; RHO learner saving ${perSeed(learner)}`,
    );
    // Measured: IID 30.1 / 29.7 / 30.0%, RHO 0.5 / 1.3 / 0.6%; learner saving 26.5 / 33.6 / 30.2%.
    expect(Math.abs(median(iid) - corpus)).toBeLessThan(0.03); // random picks: the corpus rate
    expect(median(rho)).toBeLessThan(corpus / 5);
  });
});
