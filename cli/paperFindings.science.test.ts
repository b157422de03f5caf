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
const JOBS: ScienceJob[] = [
  ...SEEDS.map((seed) => ({ key: `selection-${seed}`, args: ['--policies', 'uniform,learnability,hard,easy,rho', '--seed', String(seed)] })),
  ...SEEDS.map((seed) => ({ key: `online-reference-${seed}`, args: ['--policies', 'uniform,learnability', '--reference-mode', 'online', '--seed', String(seed)] })),
];

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

  it('every job reran the identical IID baseline (same seed → same curve)', () => {
    for (const seed of SEEDS) {
      const curves = ['selection', 'online-reference'].map((p) => JSON.stringify(runOf(`${p}-${seed}`, 'uniform').curve.map((x) => [x.step, x.testAccuracy, x.trainLoss])));
      expect(new Set(curves).size).toBe(1);
    }
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

  // The paper: RHO saves ~0% of updates and costs −79% compute. At toy scale the learner is a fine
  // online model, so RHO saves as many updates as learnability (measured 45–50%) — just past its
  // break-even s = 1 − 1/(1 + o) ≈ 41% — and its compute saving lands near zero (+6…+15% measured),
  // not below it. What does reproduce, and is asserted: scoring with the learner costs ≥ 6× the
  // per-step overhead of tiny scorers and throws most of the update saving away.
  it('RHO (the learner as online model) pays the learner forward per scored example: little of its update saving survives as compute saving', () => {
    const rhoLearner = across('selection', 'rho', (c) => c.learnerSaving);
    const rhoCompute = across('selection', 'rho', (c) => c.computeSaving);
    const learnabilityCompute = across('selection', 'learnability', (c) => c.computeSaving);
    const rhoOverhead = comparison('selection-0', 'rho').overheadRatio;
    const learnabilityOverhead = comparison('selection-0', 'learnability').overheadRatio;
    console.log(`RHO: learner saving ${pct(rhoLearner)}, compute saving ${pct(rhoCompute)}, o = ${rhoOverhead.toFixed(2)} (learnability o = ${learnabilityOverhead.toFixed(2)}, compute saving ${pct(learnabilityCompute)})`);
    expect(Number.isFinite(rhoLearner)).toBe(true);
    expect(rhoOverhead).toBeGreaterThan(6 * learnabilityOverhead);
    expect(rhoLearner - rhoCompute).toBeGreaterThan(0.25); // most of the update saving is spent on scoring
    expect(learnabilityCompute - rhoCompute).toBeGreaterThan(0.15);
  });

  // The paper: an online-trained reference (trained on each super-batch at 2× the learning rate)
  // comes within a point of a held-out one. Not at toy scale with 30% label noise: measured n.r. /
  // 29% / 9% learner saving against 35–47% held-out. Trained on the noisy stream, the reference is
  // barely ahead of the online student, so ℓ_online − ℓ_ref is mostly noise. What it still does,
  // and is asserted: it halves the noisy share the learner sees and trails the held-out reference.
  it('an online-trained reference still steers away from noisy labels, but trails the held-out reference', () => {
    const corpus = results.get('selection-0')!.config.labelNoise;
    const heldOut = across('selection', 'learnability', (c) => c.learnerSaving);
    const online = across('online-reference', 'learnability', (c) => c.learnerSaving);
    const onlineNoisy = median(SEEDS.map((s) => noisyShare(runOf(`online-reference-${s}`, 'learnability'))));
    console.log(`learnability learner saving: held-out reference ${pct(heldOut)}, online reference ${pct(online)}; noisy share with online reference ${pct(onlineNoisy)} (corpus ${pct(corpus)})`);
    expect(onlineNoisy).toBeLessThan(0.6 * corpus);
    expect(heldOut).toBeGreaterThan(online);
  });
});
