import * as tf from '@tensorflow/tfjs';
import { referencePretrainFlops } from '../accounting/stepLedger';
import type { Flops } from '../accounting/units';
import type { InputShape } from '../models/inputShape';
import { superBatchSize, type ExperimentConfig } from '../config/experimentConfig';
import { EpochSampler } from '../data/epochSampler';
import type { TrainableModel } from '../models/trainableModel';
import { deriveSeed } from '../random/rng';
import type { Task } from '../tasks/task';
import type { DeviceSplit } from '../train/deviceData';
import { learningRateAt } from '../train/schedule';
import { yieldToEventLoop } from '../train/yieldToEventLoop';
import { createTrainee, disposeTrainee, trainOn } from './trainees';

/** A reference pretrained on the held-out split, then frozen; shared by every run of an experiment. */
export interface PretrainedReference {
  model: TrainableModel;
  /** 3·F_R·(examples seen), paid once. */
  flops: Flops;
  examplesSeen: number;
  wallMs: number;
  testAccuracy: number;
}

/**
 * Pretrains the reference: referencePretrainSteps batches of B held-out examples, at twice the
 * learner's learning rate (warmup + cosine over the pretraining steps).
 */
export async function pretrainReference(
  task: Task,
  config: ExperimentConfig,
  input: InputShape,
  heldOut: DeviceSplit,
  test: DeviceSplit,
  onProgress?: (step: number, total: number) => void,
): Promise<PretrainedReference> {
  const trainee = createTrainee(task, config.scorer, input, deriveSeed(config.seed, 'reference'), config.weightDecay);
  const batch = Math.min(superBatchSize(config), heldOut.count);
  const sampler = new EpochSampler(heldOut.count, deriveSeed(config.seed, 'reference-order'));
  const steps = config.referencePretrainSteps;
  const started = performance.now();
  for (let step = 0; step < steps; step++) {
    await yieldToEventLoop();
    const { images, labels } = heldOut.batch(sampler.next(batch));
    const loss = await trainOn(
      trainee,
      images,
      labels,
      learningRateAt(step, steps, 2 * config.learningRate, config.warmupFraction),
      config.labelSmoothing,
    );
    tf.dispose([images, labels]);
    if (!Number.isFinite(loss)) {
      disposeTrainee(trainee);
      throw new Error(
        `reference model loss became ${loss} at pretraining step ${step + 1}; lower learningRate (now ${config.learningRate}; the reference uses 2×)`,
      );
    }
    onProgress?.(step + 1, steps);
  }
  const wallMs = performance.now() - started;
  trainee.optimizer.dispose();
  const examplesSeen = steps * batch;
  const { accuracy } = await task.evaluate(trainee.model, test);
  return {
    model: trainee.model,
    flops: referencePretrainFlops(task.forwardFlops(config.scorer, input), examplesSeen),
    examplesSeen,
    wallMs,
    testAccuracy: accuracy,
  };
}
