import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, ExperimentResult, RunResult } from '../src/core/experiment/resultTypes';
import { comparisonIn, median, perSeed, runIn, noisyShare, pct, runScienceJobs } from './scienceJobs';

/**
 * ActiveCLIP at toy scale (the paper's second system) on the `activeclip-noisy` preset through the
 * real CLI: a two-tower learner trained with the contrastive loss, tiny scorers ranking pairs by
 * their image–text dot product, 25% mismatched captions. Medians over three seeds, measured here.
 */
const SEEDS = [0, 1, 2];
const PRESET = 'activeclip-noisy';

let results = new Map<string, ExperimentResult>();

const runOf = (seed: number, policy: string): RunResult => runIn(results, `seed-${seed}`, policy);
const comparisonOf = (seed: number): Comparison => comparisonIn(results, `seed-${seed}`, 'learnability');

describe(`ActiveCLIP at toy scale (${PRESET}, seeds ${SEEDS.join(', ')})`, () => {
  beforeAll(async () => {
    // All three seeds at once: equal-length jobs, so on 2 cores this ends sooner than 2 + 1.
    results = await runScienceJobs(
      PRESET,
      SEEDS.map((seed) => ({ key: `seed-${seed}`, args: ['--seed', String(seed)] })),
      SEEDS.length,
    );
  });

  it('learnability avoids mismatched captions: it selects under 60% of the corpus rate, IID selects the corpus rate', () => {
    const corpus = results.get('seed-0')!.config.labelNoise;
    const iid = SEEDS.map((s) => noisyShare(runOf(s, 'uniform')));
    const learnability = SEEDS.map((s) => noisyShare(runOf(s, 'learnability')));
    console.log(
      `mismatched share selected: corpus ${pct(corpus)}, IID ${perSeed(iid)}, learnability ${perSeed(learnability)} (seeds ${SEEDS.join(', ')})`,
    );
    expect(Math.abs(median(iid) - corpus)).toBeLessThan(0.03);
    // Measured: IID 25.0 / 25.2 / 24.8%, learnability 9.3 / 14.7 / 13.8% (corpus 25%). With the stronger reference of
    // 300 pretraining steps it was 5.7 / 8.3 / 9.0%: a bad student filters less, and still far better than chance.
    expect(median(learnability)).toBeLessThan(0.6 * corpus);
  });

  it("learnability reaches IID's final zero-shot accuracy in fewer learner updates (median of 3 seeds)", () => {
    const comparisons = SEEDS.map(comparisonOf);
    const learner = comparisons.map((c) => c.learnerSaving);
    const compute = comparisons.map((c) => c.computeSaving);
    const withPretraining = comparisons.map((c) => c.computeSavingWithPretraining);
    const steps = comparisons.map(
      (c) => `${c.stepsToTarget === null ? 'n.r.' : c.stepsToTarget.toFixed(0)} vs ${c.iidStepsToTarget?.toFixed(0)}`,
    );
    console.log(
      `learnability: learner saving ${perSeed(learner)} (median ${pct(median(learner))}); compute saving ${perSeed(compute)} (median ${pct(median(compute))}); incl. reference pretraining ${perSeed(withPretraining)}; steps to a* ${steps.join(' / ')}; scorer/learner FLOPs ${comparisons[0]!.scorerFlopRatio?.toFixed(3)}`,
    );
    // Measured: 39.9% / 35.8% / 34.5% (median 35.8%); compute 31.7% / 27.1% / 25.6%.
    expect(median(learner)).toBeGreaterThanOrEqual(0.25);
    expect(median(compute)).toBeGreaterThan(0);
  });

  it('reports zero-shot accuracy and recall@1 both ways for every run, and the reference is a bad student: below even the IID learner', () => {
    for (const policy of ['uniform', 'learnability']) {
      const runs = SEEDS.map((s) => runOf(s, policy));
      for (const r of runs) {
        expect(r.retrieval?.imageToText).toBeGreaterThanOrEqual(0);
        expect(r.towerFlops?.learner.image).toBeGreaterThan(r.towerFlops?.learner.text ?? Number.POSITIVE_INFINITY);
      }
      console.log(
        `${policy}: zero-shot ${perSeed(runs.map((r) => r.final.testAccuracy))}; recall@1 image→text ${perSeed(runs.map((r) => r.retrieval!.imageToText))}, text→image ${perSeed(runs.map((r) => r.retrieval!.textToImage))}`,
      );
    }
    const references = SEEDS.map((s) => runOf(s, 'learnability').referenceTestAccuracy as number);
    const iid = SEEDS.map((s) => runOf(s, 'uniform').final.testAccuracy);
    const learners = SEEDS.map((s) => runOf(s, 'learnability').final.testAccuracy);
    const margins = SEEDS.map((_, i) => (iid[i] as number) - (references[i] as number));
    console.log(`reference zero-shot ${perSeed(references)}; IID learner ${perSeed(iid)}; learnability learner ${perSeed(learners)}`);
    // Measured (200 reference steps): reference 44.2 / 19.9 / 22.7% vs IID 50.8 / 46.0 / 59.8%, i.e. 6.6 / 26.1 / 37.1 points
    // below (with 300 steps the reference reached 82.1% in seed 0, 31 points above IID).
    for (const margin of margins) expect(margin).toBeGreaterThan(0);
    expect(median(margins)).toBeGreaterThanOrEqual(0.1);
  });
});
