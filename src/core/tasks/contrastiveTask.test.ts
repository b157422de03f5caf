import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig, type PolicyName } from '../config/experimentConfig';
import { buildCaptionedShapesDataset } from '../data/captionedShapesDataset';
import { EpochSampler } from '../data/epochSampler';
import { runExperiment } from '../experiment/runExperiment';
import { createTrainee, disposeTrainee, perExampleLosses, trainOn } from '../experiment/trainees';
import { switchToTestBackend } from '../testing/testBackend';
import { DeviceSplit } from '../train/deviceData';
import { learningRateAt } from '../train/schedule';
import { taskForDataset } from './taskForDataset';

const input = { imageSize: 16, channels: 1, numClasses: 32 };
const tiny: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'captioned-shapes',
  learner: 'ViT-Mi/4',
  scorer: 'ViT-Mu/8',
  trainSize: 512,
  heldOutSize: 256,
  testSize: 100,
  batchSize: 16,
  steps: 12,
  evalEvery: 4,
  labelNoise: 0.25,
  referencePretrainSteps: 4,
  policies: ['uniform', 'learnability'],
};

async function trace(config: ExperimentConfig, policy: PolicyName) {
  const picks: number[][] = [];
  const result = await runExperiment(config, buildCaptionedShapesDataset(config), {
    backend: 'wasm',
    emit: (e) => {
      if (e.type === 'selection' && e.runId.startsWith(policy)) picks.push(e.sample.selected.map((p) => e.sample.superBatch[p] as number));
    },
  });
  return { picks, result, run: result.runs.find((r) => r.policy === policy)! };
}

describe('ActiveCLIP task: contrastive learner, dot-product scorers (wasm)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it('the two-tower learner learns clean pairs: zero-shot accuracy from chance to ≥ 90% in 200 steps', async () => {
    const config = {
      ...DEFAULT_CONFIG,
      dataset: 'captioned-shapes' as const,
      trainSize: 4000,
      heldOutSize: 0,
      testSize: 500,
      pixelNoise: 0,
      hardPixelNoise: 0,
    };
    const data = buildCaptionedShapesDataset(config);
    const task = taskForDataset(data, config);
    const train = new DeviceSplit(data.train, 256);
    const test = new DeviceSplit(data.test, 256);
    const learner = createTrainee(task, 'ViT-Ti/4', input, 3, config.weightDecay);
    const sampler = new EpochSampler(train.count, 5);
    const before = await task.evaluate(learner.model, test);
    const steps = 200;
    for (let step = 0; step < steps; step++) {
      const { images, labels } = train.batch(sampler.next(64));
      await trainOn(learner, images, labels, learningRateAt(step, steps, 1e-3, 0.05), 0.1);
      tf.dispose([images, labels]);
    }
    const after = await task.evaluate(learner.model, test);
    expect(before.accuracy).toBeLessThan(0.15);
    expect(after.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(after.retrieval!.textToImage).toBeGreaterThanOrEqual(0.9);
    disposeTrainee(learner);
    train.dispose();
    test.dispose();
    task.dispose();
  });

  it("scores each pair alone: a pair's scorer loss is the same in any batch", async () => {
    const data = buildCaptionedShapesDataset(tiny);
    const task = taskForDataset(data, tiny);
    const train = new DeviceSplit(data.train, 256);
    const scorer = createTrainee(task, tiny.scorer, input, 1, 0);
    const batch = train.batch(Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]));
    const other = train.batch(Int32Array.from([9, 3, 11]));
    const inBatch = await perExampleLosses(task, scorer.model, batch.images, batch.labels);
    const inOther = await perExampleLosses(task, scorer.model, other.images, other.labels);
    expect(inOther[1]).toBeCloseTo(inBatch[3] as number, 5);
    for (const l of inBatch) expect(Math.abs(l)).toBeLessThanOrEqual(1 + 1e-5); // −cosine
    tf.dispose([batch.images, batch.labels, other.images, other.labels]);
    disposeTrainee(scorer);
    train.dispose();
    task.dispose();
  });

  it('counts both towers in the ledger and reports zero-shot accuracy with recall@1', async () => {
    const { result } = await trace(tiny, 'learnability');
    const [iid, active] = result.runs;
    const learnerF = iid!.modelFlops.learner;
    expect(learnerF).toBe(iid!.towerFlops!.learner.image! + iid!.towerFlops!.learner.text!);
    expect(iid!.final.flops).toBe(tiny.steps * 3 * learnerF * tiny.batchSize);
    const scorerF = active!.modelFlops.scorer!;
    expect(scorerF).toBe(active!.towerFlops!.scorer!.image! + active!.towerFlops!.scorer!.text!);
    expect(active!.phaseFlops.scoring).toBe(tiny.steps * 2 * scorerF * 2 * tiny.batchSize);
    for (const run of result.runs) {
      expect(run.final.testAccuracy).toBe(run.curve.at(-1)!.testAccuracy);
      expect(run.retrieval!.imageToText).toBeGreaterThanOrEqual(0);
      expect(run.retrieval!.textToImage).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic: the same seed gives identical picks and curves, another seed different picks', async () => {
    const config = { ...tiny, evalEvery: 1 }; // a selection sample at every step
    const a = await trace(config, 'learnability');
    const b = await trace(config, 'learnability');
    const c = await trace({ ...config, seed: 1 }, 'learnability');
    const curve = (r: typeof a) => r.run.curve.map((p) => [p.step, p.testAccuracy, p.trainLoss, p.flops, p.noisySelectedFraction]);
    expect(a.picks).toHaveLength(tiny.steps);
    expect(b.picks).toEqual(a.picks);
    expect(curve(b)).toEqual(curve(a));
    expect(b.run.retrieval).toEqual(a.run.retrieval);
    expect(c.picks).not.toEqual(a.picks);
  });

  it('leaks no tensors: the count after step 10 equals the count after the last step, and all is freed at the end', async () => {
    const counts = new Map<string, number>();
    const before = tf.memory().numTensors;
    const config = { ...tiny, steps: 60, evalEvery: 20 };
    await runExperiment(config, buildCaptionedShapesDataset(config), {
      backend: 'wasm',
      emit: (e) => {
        if (e.type === 'step' && (e.step === 10 || e.step === 60)) counts.set(`${e.runId}@${e.step}`, tf.memory().numTensors);
      },
    });
    for (const run of ['uniform', 'learnability@ViT-Mu/8']) {
      expect(counts.get(`${run}@10`), run).toBeGreaterThan(before);
      expect(counts.get(`${run}@60`), run).toBe(counts.get(`${run}@10`));
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
