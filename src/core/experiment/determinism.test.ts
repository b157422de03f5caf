import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY_NAMES, type ExperimentConfig, type PolicyName } from '../config/experimentConfig';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { switchToTestBackend } from '../testing/testBackend';
import { runExperiment } from './runExperiment';
import { microConfig } from '../testing/microConfig';

/** Same seed and backend → the same selection indices at every step and the same curves, per policy. */
const base: ExperimentConfig = microConfig({ steps: 12, evalEvery: 1, referencePretrainSteps: 5 });

async function trace(policy: PolicyName, seed: number) {
  const config = { ...base, seed, policies: [policy] };
  const picks: number[][] = [];
  const result = await runExperiment(config, buildSyntheticDataset(config), {
    backend: 'wasm',
    emit: (e) => {
      if (e.type === 'selection' && e.runId.startsWith(policy)) picks.push(e.sample.selected.map((p) => e.sample.superBatch[p] as number));
    },
  });
  const run = result.runs.find((r) => r.policy === policy)!;
  return { picks, curve: run.curve.map((p) => [p.step, p.testAccuracy, p.trainLoss, p.flops, p.noisySelectedFraction]) };
}

describe('determinism per policy (wasm)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it.each(POLICY_NAMES)('%s: identical picks and curves for the same seed; different for another', async (policy) => {
    const a = await trace(policy, 3);
    const b = await trace(policy, 3);
    const c = await trace(policy, 4);
    expect(a.picks).toHaveLength(base.steps);
    expect(b.picks).toEqual(a.picks);
    expect(b.curve).toEqual(a.curve);
    expect(c.picks).not.toEqual(a.picks);
  });
});
