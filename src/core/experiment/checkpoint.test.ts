import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY_NAMES, type ExperimentConfig, type PolicyName } from '../config/experimentConfig';
import { PRESETS } from '../config/presets';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { switchToTestBackend } from '../testing/testBackend';
import type { ExperimentCheckpoint } from './checkpoint';
import type { ExperimentResult } from './resultTypes';
import { runExperiment } from './runExperiment';
import { microConfig } from '../testing/microConfig';

/** A resumed run must end exactly where the uninterrupted one does: weights, moments, RNGs, cursor. */
const base: ExperimentConfig = microConfig({ steps: 12, evalEvery: 3, referencePretrainSteps: 5 });

type Pick = { runId: string; step: number; picked: number[] };

async function run(config: ExperimentConfig, resume?: ExperimentCheckpoint) {
  const picks: Pick[] = [];
  const checkpoints: ExperimentCheckpoint[] = [];
  const result = await runExperiment(config, buildSyntheticDataset(config), {
    backend: 'wasm',
    emit: (e) => {
      if (e.type === 'selection')
        picks.push({ runId: e.runId, step: e.sample.step, picked: e.sample.selected.map((p) => e.sample.superBatch[p] as number) });
    },
    // What postMessage and IndexedDB do to it on the way: a structured clone.
    onCheckpoint: (c) => void checkpoints.push(structuredClone(c)),
    ...(resume ? { resume } : {}),
  });
  return { result, picks, checkpoints };
}

/** Everything measured except wall time (which no two runs share). */
const comparable = (result: ExperimentResult) =>
  result.runs.map((r) => ({
    id: r.id,
    final: { ...r.final, wallMs: 0 },
    phaseFlops: r.phaseFlops,
    curve: r.curve.map((p) => ({ ...p, wallMs: 0 })),
  }));

describe('checkpoints and resume (wasm)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it.each([...POLICY_NAMES.map((p) => [p, 'held-out'] as const), ['learnability', 'online'] as const])(
    '%s (%s reference): resumed mid-run from a cloned checkpoint → bit-identical curves and picks',
    async (policy: PolicyName, referenceMode) => {
      const config = { ...base, policies: [policy], referenceMode };
      const whole = await run(config);
      const runId = whole.result.runs.at(-1)!.id;
      const midRun = whole.checkpoints.find((c) => c.current?.runId === runId && c.current.step === 6);
      expect(midRun, `a checkpoint of ${runId} at step 6 (every ${whole.checkpoints.length} taken)`).toBeDefined();

      const resumed = await run(config, midRun);
      // The curves compared include the per-class tallies (pick shares, per-class accuracy).
      expect(whole.result.runs.at(-1)!.curve.at(-1)!.classPickShare).toHaveLength(10);
      expect(comparable(resumed.result)).toEqual(comparable(whole.result));
      expect(resumed.result.comparisons).toEqual(whole.result.comparisons);
      const after = (picks: Pick[]) => picks.filter((p) => p.runId === runId && p.step > 6);
      expect(after(resumed.picks).length).toBeGreaterThan(0);
      expect(after(resumed.picks)).toEqual(after(whole.picks));
    },
  );

  it('an ActiveCLIP (contrastive, two-tower) run resumes bit-identically too', async () => {
    const config = {
      ...base,
      ...PRESETS['activeclip-noisy'].config,
      trainSize: 512,
      heldOutSize: 256,
      testSize: 128,
      batchSize: 16,
      steps: 12,
      evalEvery: 3,
      referencePretrainSteps: 5,
      policies: ['learnability'],
    } as ExperimentConfig;
    const whole = await run(config);
    const midRun = whole.checkpoints.find((c) => c.current?.runId.startsWith('learnability') && c.current.step === 6);
    expect(midRun?.references).toHaveLength(1);
    const resumed = await run(config, midRun);
    expect(comparable(resumed.result)).toEqual(comparable(whole.result));
  });

  it('a checkpoint between runs skips the finished run and reuses the saved reference', async () => {
    const config = { ...base, policies: ['learnability' as const] };
    const whole = await run(config);
    const between = whole.checkpoints.find((c) => c.current === null && c.finishedRuns.length === 1);
    expect(between?.finishedRuns[0]?.id).toBe('uniform');
    const resumed = await run(config, between);
    expect(resumed.picks.some((p) => p.runId === 'uniform')).toBe(false);
    expect(comparable(resumed.result)).toEqual(comparable(whole.result));
  });

  it('refuses a checkpoint of other settings, naming the field', async () => {
    const config = { ...base, policies: ['learnability' as const] };
    const { checkpoints } = await run(config);
    await expect(run({ ...config, seed: config.seed + 1 }, checkpoints[1])).rejects.toThrow(
      /cannot resume: seed is \d+ but the checkpoint was taken with \d+/,
    );
    await expect(run(config, { ...checkpoints[1]!, version: 0 as 1 })).rejects.toThrow(/checkpoint version 0 cannot be resumed/);
  });

  it('taking and resuming checkpoints leaks no tensors', async () => {
    const config = { ...base, policies: ['learnability' as const], referenceMode: 'online' as const };
    const { checkpoints } = await run(config);
    const before = tf.memory().numTensors;
    await run(config, checkpoints[3]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
