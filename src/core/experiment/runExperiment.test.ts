import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/experimentConfig';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { switchToTestBackend } from '../testing/testBackend';
import type { ExperimentEvent } from './events';
import { runExperiment } from './runExperiment';

// A small, fast configuration: the behaviour under test does not depend on model size.
const config: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  learner: 'ViT-Mi/4',
  trainSize: 1000,
  heldOutSize: 0,
  testSize: 200,
  batchSize: 16,
  steps: 40,
  evalEvery: 20,
  labelNoise: 0.2,
};

async function run(c: ExperimentConfig) {
  const events: ExperimentEvent[] = [];
  const result = await runExperiment(c, buildSyntheticDataset(c), { backend: 'wasm', emit: (e) => events.push(e) });
  return { result, events };
}

describe('runExperiment (IID baseline)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it('produces a result with a curve from step 0 and cumulative FLOPs', async () => {
    const { result, events } = await run(config);
    expect(result.backend).toBe('wasm');
    const [iid] = result.runs;
    expect(iid?.policy).toBe('uniform');
    expect(iid?.curve.map((p) => p.step)).toEqual([0, 20, 40]);
    expect(iid?.final.steps).toBe(40);
    // learner update FLOPs only: 3·F_L·b per step
    expect(iid?.final.flops).toBe(40 * 3 * iid!.modelFlops.learner * 16);
    expect(iid?.curve[1]?.noisySelectedFraction).toBeGreaterThan(0.05);
    expect(iid?.curve[1]?.noisySelectedFraction).toBeLessThan(0.4);
    expect(events.filter((e) => e.type === 'step')).toHaveLength(40);
    expect(events.at(-1)?.type).toBe('run-finished');
  });

  it('is deterministic: same seed → identical loss curve; another seed → a different one', async () => {
    const losses = (events: ExperimentEvent[]) => events.flatMap((e) => (e.type === 'step' ? [e.trainLoss] : []));
    const a = await run(config);
    const b = await run(config);
    const c = await run({ ...config, seed: 1 });
    expect(losses(b.events)).toEqual(losses(a.events));
    expect(b.result.runs[0]?.curve.map((p) => p.testAccuracy)).toEqual(a.result.runs[0]?.curve.map((p) => p.testAccuracy));
    expect(losses(c.events)).not.toEqual(losses(a.events));
  });

  it('leaks no tensors: the count after step 10 equals the count after step 200', async () => {
    const counts = new Map<number, number>();
    const before = tf.memory().numTensors;
    await runExperiment({ ...config, steps: 200, evalEvery: 50 }, buildSyntheticDataset(config), {
      backend: 'wasm',
      emit: (e) => {
        if (e.type === 'step' && (e.step === 10 || e.step === 200)) counts.set(e.step, tf.memory().numTensors);
      },
    });
    expect(counts.get(10)).toBeGreaterThan(before);
    expect(counts.get(200)).toBe(counts.get(10));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('records the final clean test accuracy of the online student and the reference next to the learner', async () => {
    const c = {
      ...config,
      heldOutSize: 300,
      steps: 20,
      scorer: 'ViT-Mu/8',
      policies: ['uniform', 'learnability', 'shuffled'] as ExperimentConfig['policies'],
      referencePretrainSteps: 10,
    };
    const { result } = await run(c);
    const [iid, learnability, shuffled] = result.runs;
    expect([iid?.onlineTestAccuracy, iid?.referenceTestAccuracy]).toEqual([null, null]);
    for (const r of [learnability, shuffled]) {
      expect(r?.onlineTestAccuracy).toBeGreaterThan(0);
      expect(r?.onlineTestAccuracy).toBeLessThanOrEqual(1);
      expect(r?.referenceTestAccuracy).toBeGreaterThan(0);
    }
    // Same online seed and scores, only shuffled: the picks differ, so the online students end apart.
    expect(shuffled?.curve.map((p) => p.testAccuracy)).not.toEqual(learnability?.curve.map((p) => p.testAccuracy));
  });

  it('stops on a non-finite loss with a clear message and keeps the curve so far', async () => {
    const data = buildSyntheticDataset(config);
    data.train.images.fill(Number.NaN);
    const result = await runExperiment(config, data, { backend: 'wasm' });
    expect(result.failure?.message).toMatch(/learner loss became NaN at step 1 \(uniform run\); lower learningRate \(now 0.001\)/);
    expect(result.runs.map((r) => r.stoppedEarly)).toEqual([{ reason: 'diverged', detail: 'diverged at step 1' }]);
    expect(result.runs[0]?.curve.map((p) => p.step)).toEqual([0]);
  });

  it('a divergence after the IID run keeps the finished IID run', async () => {
    const data = buildSyntheticDataset(config);
    // NaN pixels in the held-out split only: the IID run trains normally, then the reference diverges.
    data.heldOut = { ...data.train, images: new Float32Array(data.train.images.length).fill(Number.NaN) };
    const result = await runExperiment({ ...config, policies: ['uniform', 'learnability'], referencePretrainSteps: 2 }, data, {
      backend: 'wasm',
    });
    expect(result.failure?.message).toMatch(/reference model loss became NaN at pretraining step 1; lower learningRate/);
    expect(result.runs.map((r) => [r.policy, r.final.steps])).toEqual([['uniform', config.steps]]);
  });
});
