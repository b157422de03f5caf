import type * as tf from '@tensorflow/tfjs';
import type { TrainableModel } from './trainableModel';

/** What classification training, scoring and evaluation need from any model family. */
export interface ImageClassifier extends TrainableModel {
  /** images [B, H·W·C] → logits [B, K]; call inside tf.tidy. */
  logits(images: tf.Tensor2D): tf.Tensor2D;
}

export function isImageClassifier(model: TrainableModel): model is ImageClassifier {
  return typeof (model as Partial<ImageClassifier>).logits === 'function';
}
