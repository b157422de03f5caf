import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, ExperimentResult, RunResult } from '../src/core/experiment/resultTypes';
import { comparisonIn, median, perSeed, runIn, noisyShare, pct, runScienceJobs, type ScienceJob } from './scienceJobs';

/**
 * The online reference as the paper trains it (alongside the learner, on its own 10 × b batch from the
 * same noisy stream, at 2× the learning rate) against a held-out reference pretrained on equally
 * corrupted data (corruptHeldOut), on the noisy-labels preset through the real CLI, three seeds.
 * The measured table and the paper's figures: docs/science.md, "Online reference".
 *
 * The paper finds the two about equal (17% vs 18% fewer updates). Here the online reference is ahead:
 * 26.2 / 29.9 / 44.5% against 19.4% / not reached / 31.8% (medians 29.9 vs 19.4%, 10.5 points apart),
 * because the held-out reference pretrains on 100 × B corrupted examples while the online one sees
 * 10 × b every step and ends far above the learner (96.7 / 97.4 / 98.4% vs IID 84.4 / 76.4 / 80.8%). Asserted: the paper's claim one-sided (online at most 10 points behind, median),
 * and what a broken online reference would fail — one that never trains (an untrained reference picks
 * 52.0 / 52.6 / 54.0% mislabelled examples and never reaches IID's accuracy) or one whose scores are random
 * (shuffled scores pick the corpus rate, 30%, and "save" not reached / 11.8 / 19.1%).
 *
 * Not in CI (`npm run test:science:extra`): too long for CI's 25 minutes on 2 cores.
 */
const SEEDS = [0, 1, 2];
const PRESET = 'noisy-labels';

const JOBS: ScienceJob[] = SEEDS.flatMap((seed) => [
  { key: `online-${seed}`, args: ['--policies', 'uniform,learnability', '--reference-mode', 'online', '--seed', String(seed)] },
  { key: `held-out-${seed}`, args: ['--policies', 'uniform,learnability', '--corrupt-held-out', 'true', '--seed', String(seed)] },
]);

let results = new Map<string, ExperimentResult>();

const runOf = (key: string, policy: string): RunResult => runIn(results, key, policy);
const comparisonOf = (key: string): Comparison => comparisonIn(results, key, 'learnability');

describe(`online reference vs held-out reference on equally corrupted data (${PRESET}, seeds ${SEEDS.join(', ')})`, () => {
  beforeAll(async () => {
    results = await runScienceJobs(PRESET, JOBS, 2);
  });

  it('the online reference trains on its own 10 × b batch a step: 3·F_R·10·b in the ledger', () => {
    const config = results.get('online-0')!.config;
    expect(config.referenceBatchFactor).toBe(10);
    for (const seed of SEEDS) {
      const run = runOf(`online-${seed}`, 'learnability');
      expect(run.phaseFlops.reference).toBe(config.steps * 3 * run.modelFlops.scorer! * 10 * config.batchSize);
      expect(runOf(`held-out-${seed}`, 'learnability').phaseFlops.reference).toBe(0);
    }
  });

  it('it steers the learner away from mislabelled examples (under 60% of the corpus rate), no worse than the held-out reference', () => {
    const corpus = results.get('online-0')!.config.labelNoise;
    const online = SEEDS.map((s) => noisyShare(runOf(`online-${s}`, 'learnability')));
    const heldOut = SEEDS.map((s) => noisyShare(runOf(`held-out-${s}`, 'learnability')));
    const iid = SEEDS.map((s) => noisyShare(runOf(`online-${s}`, 'uniform')));
    const references = SEEDS.map((s) => runOf(`online-${s}`, 'learnability').referenceTestAccuracy);
    const heldOutReferences = SEEDS.map((s) => runOf(`held-out-${s}`, 'learnability').referenceTestAccuracy);
    console.log(
      `mislabelled share picked: corpus ${pct(corpus)}, IID ${perSeed(iid)}, online reference ${perSeed(online)}, held-out (corrupted) ${perSeed(heldOut)}; reference accuracy: online (end of run) ${perSeed(references)}, held-out ${perSeed(heldOutReferences)}`,
    );
    // Measured: online 16.7 / 14.3 / 17.8%, held-out 27.7 / 29.5 / 29.0%, IID 29.6 / 30.1 / 30.2%; untrained 52.0 / 52.6 / 54.0%.
    expect(median(online)).toBeLessThan(0.6 * corpus);
    expect(median(online)).toBeLessThanOrEqual(median(heldOut));
  });

  it("with it the learner reaches IID's final accuracy sooner in every seed (an untrained reference never reaches it)", () => {
    const online = SEEDS.map((s) => comparisonOf(`online-${s}`));
    const heldOut = SEEDS.map((s) => comparisonOf(`held-out-${s}`));
    const onlineSaving = online.map((c) => c.learnerSaving);
    console.log(
      `learner saving: online ${perSeed(onlineSaving)} (median ${pct(median(onlineSaving))}), held-out (corrupted) ${perSeed(heldOut.map((c) => c.learnerSaving))} (median ${pct(median(heldOut.map((c) => c.learnerSaving)))}); compute saving: online ${perSeed(online.map((c) => c.computeSaving))}, held-out ${perSeed(heldOut.map((c) => c.computeSavingWithPretraining))} incl. pretraining`,
    );
    // Measured: online 26.2 / 29.9 / 44.5%, held-out 19.4% / not reached / 31.8%; an untrained reference: not reached ×3.
    for (const saving of onlineSaving) expect(saving).toBeGreaterThan(0);
    // Above the noise floor: learnability with shuffled scores "saves" not reached / 11.8 / 19.1% here (docs/science.md).
    expect(median(onlineSaving)).toBeGreaterThanOrEqual(0.2);
    // The paper's claim, one-sided: the online reference is at most 10 points behind the held-out one (median).
    expect(median(onlineSaving)).toBeGreaterThanOrEqual(median(heldOut.map((c) => c.learnerSaving)) - 0.1);
  });
});
