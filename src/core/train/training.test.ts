import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { EpochSampler } from '../data/epochSampler';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { createModel } from '../models/modelRegistry';
import { createRng } from '../random/rng';
import { switchToTestBackend } from '../testing/testBackend';
import { AdamW } from './adamw';
import { DeviceSplit } from './deviceData';
import { evaluate } from './evaluate';
import { learningRateAt } from './schedule';
import { trainStep } from './trainStep';

const input = { imageSize: 16, channels: 1, numClasses: 10 };

describe('training the default learner (wasm)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it('overfits a batch of 32 random-label noise images to 100% train accuracy', async () => {
    const rng = createRng(1);
    const model = createModel(DEFAULT_CONFIG.learner, input, 2);
    const optimizer = new AdamW(model.params);
    const images = tf.tensor2d(
      Array.from({ length: 32 * 256 }, () => rng.normal()),
      [32, 256],
    );
    const labels = tf.tensor1d(
      Array.from({ length: 32 }, () => rng.int(10)),
      'int32',
    );
    for (let step = 0; step < 150; step++) trainStep(model, optimizer, images, labels, 1e-3, 0).dispose();
    const accuracy = tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(model.logits(images), 1), labels), 'float32')));
    expect((await accuracy.data())[0]).toBe(1);
    tf.dispose([accuracy, images, labels]);
    optimizer.dispose();
    model.dispose();
  });

  it('reaches ≥ 90% clean test accuracy on synthetic within 150 steps', async () => {
    const config = { ...DEFAULT_CONFIG, trainSize: 4000, testSize: 500, heldOutSize: 0 };
    const data = buildSyntheticDataset(config);
    const train = new DeviceSplit(data.train, 256);
    const test = new DeviceSplit(data.test, 256);
    const model = createModel(config.learner, input, 3);
    const optimizer = new AdamW(model.params);
    const sampler = new EpochSampler(train.count, 5);
    const steps = 150;
    const before = await evaluate(model, test);
    for (let step = 0; step < steps; step++) {
      const { images, labels } = train.batch(sampler.next(config.batchSize));
      trainStep(model, optimizer, images, labels, learningRateAt(step, steps, 1e-3, 0.05), 0.1).dispose();
      tf.dispose([images, labels]);
    }
    const after = await evaluate(model, test);
    expect(before.accuracy).toBeLessThan(0.3);
    expect(after.accuracy).toBeGreaterThanOrEqual(0.9);
    optimizer.dispose();
    model.dispose();
    train.dispose();
    test.dispose();
  });
});

describe('schedule and batch order', () => {
  it('warms up linearly, peaks at the base rate and decays to ~0 by cosine', () => {
    const lrs = Array.from({ length: 100 }, (_, s) => learningRateAt(s, 100, 1e-3, 0.1));
    expect(lrs[0]).toBeCloseTo(1e-4, 8);
    expect(Math.max(...lrs)).toBeCloseTo(1e-3, 8);
    expect(lrs[99]).toBeLessThan(1e-6);
    for (let s = 10; s < 99; s++) expect(lrs[s + 1]!).toBeLessThanOrEqual(lrs[s]!);
  });

  it('visits every example once per epoch and never repeats an index within a batch', () => {
    const sampler = new EpochSampler(10, 1);
    const epoch = [...sampler.next(5), ...sampler.next(5)].sort((a, b) => a - b);
    expect(epoch).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (let i = 0; i < 20; i++) expect(new Set(sampler.next(7)).size).toBe(7);
  });
});
