import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../models/inputShape';
import type { TrainableModel } from '../models/trainableModel';
import type { Task } from '../tasks/task';
import { AdamW } from '../train/adamw';
import { trainStepOn } from '../train/trainStep';

/** A model with its optimiser: the learner, the online student or an online-trained reference. */
export interface Trainee {
  model: TrainableModel;
  optimizer: AdamW;
  /** What it learns: its training loss comes from here. */
  task: Task;
}

export function createTrainee(task: Task, variant: string, input: InputShape, seed: number, weightDecay: number): Trainee {
  const model = task.createModel(variant, input, seed);
  return { model, optimizer: new AdamW(model.params, { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay }), task };
}

export function disposeTrainee(t: Trainee): void {
  t.optimizer.dispose();
  t.model.dispose();
}

/** Trains on a batch and returns the loss (read back, so a NaN is seen at once). */
export async function trainOn(
  t: Trainee,
  images: tf.Tensor2D,
  labels: tf.Tensor1D,
  learningRate: number,
  labelSmoothing: number,
): Promise<number> {
  const loss = trainStepOn(t.model.params, t.optimizer, () => t.task.trainingLoss(t.model, images, labels, labelSmoothing), learningRate);
  const value = (await loss.data())[0] as number;
  loss.dispose();
  return value;
}

/** ℓ(x | θ) for each example of a batch, without label smoothing. */
export async function perExampleLosses(task: Task, model: TrainableModel, images: tf.Tensor2D, labels: tf.Tensor1D): Promise<Float32Array> {
  const losses = tf.tidy(() => task.perExampleLosses(model, images, labels));
  const values = (await losses.data()) as Float32Array;
  losses.dispose();
  return values;
}
