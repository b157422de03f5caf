import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, ExperimentResult, RunResult } from '../src/core/experiment/resultTypes';
import { median, noisyShare, pct, runScienceJobs, type ScienceJob } from './scienceJobs';

/**
 * The online reference as the paper trains it (alongside the learner, on its own 10 × b batch from the
 * same noisy stream, at 2× the learning rate) against a held-out reference pretrained on equally
 * corrupted data (corruptHeldOut), on the noisy-labels preset through the real CLI, three seeds.
 * The measured table and the paper's figures: docs/science.md, "Online reference".
 *
 * The paper's claim — online within ~1 point of held-out in learner saving — does not hold here: the
 * online reference's saving is 10.3 / 37.3 / 26.7% against 44.6 / 43.9 / −5.6% held-out (medians 26.7
 * vs 43.9%). What holds, and is asserted, would fail for a broken online reference: one that never
 * trains (measured as an untrained reference: 52.6 / 50.7 / 52.0% mislabelled picks, IID's accuracy
 * never reached) or one whose scores are random (the IID run's picks: the corpus rate, 30%).
 *
 * Not in CI (`npm run test:science:extra`): too long for CI's 25 minutes on 2 cores. Its figures were
 * measured on the default preset before the bad-students rework (docs/science.md) and are not yet
 * confirmed on the current one.
 */
const SEEDS = [0, 1, 2];
const PRESET = 'noisy-labels';

const JOBS: ScienceJob[] = SEEDS.flatMap((seed) => [
  { key: `online-${seed}`, args: ['--policies', 'uniform,learnability', '--reference-mode', 'online', '--seed', String(seed)] },
  { key: `held-out-${seed}`, args: ['--policies', 'uniform,learnability', '--corrupt-held-out', 'true', '--seed', String(seed)] },
]);

let results = new Map<string, ExperimentResult>();

const runOf = (key: string, policy: string): RunResult => {
  const r = results.get(key)?.runs.find((x) => x.policy === policy);
  if (!r) throw new Error(`no ${policy} run in ${key}`);
  return r;
};
const comparisonOf = (key: string): Comparison => {
  const c = results.get(key)?.comparisons.find((x) => x.policy === 'learnability');
  if (!c) throw new Error(`no learnability comparison in ${key}`);
  return c;
};
const perSeed = (values: (number | null)[]) => values.map((v) => (v === null ? 'not reached' : pct(v))).join(' / ');

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

  it('it steers away from mislabelled examples as well as the held-out reference does (within 5 points), at under half the corpus rate', () => {
    const corpus = results.get('online-0')!.config.labelNoise;
    const online = SEEDS.map((s) => noisyShare(runOf(`online-${s}`, 'learnability')));
    const heldOut = SEEDS.map((s) => noisyShare(runOf(`held-out-${s}`, 'learnability')));
    const iid = SEEDS.map((s) => noisyShare(runOf(`online-${s}`, 'uniform')));
    console.log(
      `mislabelled share picked: corpus ${pct(corpus)}, IID ${perSeed(iid)}, online reference ${perSeed(online)}, held-out (corrupted) ${perSeed(heldOut)}`,
    );
    // Measured: online 12.8 / 11.4 / 13.2%, held-out 10.7 / 10.0 / 11.8%; an untrained reference 52.6 / 50.7 / 52.0%.
    expect(Math.abs(median(online) - median(heldOut))).toBeLessThan(0.05);
    expect(median(online)).toBeLessThan(corpus / 2);
  });

  it("with it the learner reaches IID's final accuracy sooner in every seed (an untrained reference never reaches it)", () => {
    const online = SEEDS.map((s) => comparisonOf(`online-${s}`));
    const heldOut = SEEDS.map((s) => comparisonOf(`held-out-${s}`));
    const onlineSaving = online.map((c) => c.learnerSaving);
    console.log(
      `learner saving: online ${perSeed(onlineSaving)} (median ${pct(median(onlineSaving))}), held-out (corrupted) ${perSeed(heldOut.map((c) => c.learnerSaving))} (median ${pct(median(heldOut.map((c) => c.learnerSaving)))}); compute saving: online ${perSeed(online.map((c) => c.computeSaving))}, held-out ${perSeed(heldOut.map((c) => c.computeSavingWithPretraining))} incl. pretraining`,
    );
    // Measured: 10.3 / 37.3 / 26.7%.
    for (const saving of onlineSaving) expect(saving).toBeGreaterThan(0);
  });
});
