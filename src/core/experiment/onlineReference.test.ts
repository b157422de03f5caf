import { beforeAll, describe, expect, it } from 'vitest';
import { referenceBatchSize, type ExperimentConfig } from '../config/experimentConfig';
import { pixelsPerImage } from '../data/dataset';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { readParameters } from '../models/parameters';
import { taskForDataset } from '../tasks/taskForDataset';
import { switchToTestBackend } from '../testing/testBackend';
import { DeviceSplit } from '../train/deviceData';
import { runExperiment } from './runExperiment';
import { trainOnlineReference } from './runStages';
import { RunState } from './runState';
import { microConfig } from '../testing/microConfig';

const config: ExperimentConfig = microConfig({
  steps: 4,
  evalEvery: 2,
  referenceMode: 'online',
  referenceBatchFactor: 3,
  policies: ['learnability'],
});

describe('the online reference (as the paper trains it)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it('trains on its own factor × b examples a step from its own pass over the training split, leaving the learner’s stream alone', async () => {
    const dataset = buildSyntheticDataset(config);
    const input = { imageSize: dataset.imageSize, channels: dataset.channels, numClasses: dataset.numClasses };
    const task = taskForDataset(dataset, config);
    const train = new DeviceSplit(dataset.train, pixelsPerImage(dataset));
    const test = new DeviceSplit(dataset.test, pixelsPerImage(dataset));
    const state = new RunState({ config, task, input, train, test, emit: () => {} }, 'learnability', 'learnability');
    try {
      const reference = state.trainees.onlineReference!;
      const before = await readParameters(reference.model.params);
      const learnerOrder = state.sampler.snapshot();
      await trainOnlineReference(state, 1e-3);
      expect(state.referenceSampler!.snapshot().cursor).toBe(referenceBatchSize(config));
      expect(referenceBatchSize(config)).toBe(3 * 16);
      expect(state.sampler.snapshot()).toEqual(learnerOrder);
      expect(state.phaseWallMs.reference).toBeGreaterThan(0);
      const after = await readParameters(reference.model.params);
      expect(Object.keys(after).some((k) => after[k]!.some((v, i) => v !== before[k]![i]))).toBe(true);
      // Without an online reference (held-out mode, IID) there is nothing to train and no stream.
      const iid = new RunState({ config, task, input, train, test, emit: () => {} }, 'uniform', 'uniform');
      expect(iid.referenceSampler).toBeNull();
      await trainOnlineReference(iid, 1e-3);
      expect(iid.phaseWallMs.reference).toBe(0);
      iid.dispose();
    } finally {
      state.dispose();
      train.dispose();
      test.dispose();
      task.dispose();
    }
  });

  it('the ledger books 3·F_R·(factor·b) a step for it; the factor changes the run', async () => {
    const run = async (c: ExperimentConfig) =>
      (await runExperiment(c, buildSyntheticDataset(c), { backend: 'wasm', warmUp: false })).runs.find((r) => r.policy === 'learnability')!;
    const three = await run(config);
    const scorer = three.modelFlops.scorer!;
    expect(three.phaseFlops.reference).toBe(config.steps * 3 * scorer * 3 * config.batchSize);
    const ten = await run({ ...config, referenceBatchFactor: 10 });
    expect(ten.phaseFlops.reference).toBe(config.steps * 3 * scorer * 10 * config.batchSize);
    expect(ten.curve.map((p) => p.trainLoss)).not.toEqual(three.curve.map((p) => p.trainLoss));
    // Its clean test accuracy at the end of the run is reported like a held-out reference's.
    for (const run of [three, ten]) {
      expect(run.referenceTestAccuracy).toBeGreaterThanOrEqual(0);
      expect(run.referenceTestAccuracy).toBeLessThanOrEqual(1);
    }
  });
});
