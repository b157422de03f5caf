import type * as tf from '@tensorflow/tfjs';
import type { Flops } from '../accounting/units';
import type { InputShape } from '../models/inputShape';
import type { TrainableModel } from '../models/trainableModel';
import type { DeviceSplit } from '../train/deviceData';
import type { Evaluation } from '../train/evaluate';

/**
 * What the learner learns, seen from the selection loop: how a model is built and counted, the
 * learner's training loss, the scorers' per-example loss ℓ(x | θ) and the test metric. The loop
 * (docs/architecture.md, "Run click to chart point") is the same for every task; the dataset picks the task (paired image–caption data →
 * contrastive, labelled images → classification).
 */
export interface Task {
  readonly kind: 'classification' | 'contrastive';
  createModel(variant: string, input: InputShape, seed: number): TrainableModel;
  /** F(m): forward FLOPs per example (docs/architecture.md, "Formulas"). */
  forwardFlops(variant: string, input: InputShape): Flops;
  /** F split by tower where a model has several (image, text); undefined for one-tower models. */
  towerFlops?(variant: string, input: InputShape): Record<string, Flops>;
  /** The learner's training loss on a batch (scalar); called inside tf.variableGrads. */
  trainingLoss(model: TrainableModel, images: tf.Tensor2D, labels: tf.Tensor1D, labelSmoothing: number): tf.Scalar;
  /** ℓ(x | θ) per example, no smoothing, [B]; call inside tf.tidy. */
  perExampleLosses(model: TrainableModel, images: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D;
  /** testAccuracy (classification accuracy, or zero-shot accuracy) and extras on a clean split. */
  evaluate(model: TrainableModel, split: DeviceSplit): Promise<Evaluation>;
  /** Frees device memory the task holds (e.g. the caption table). */
  dispose(): void;
}
