import * as tf from '@tensorflow/tfjs';
import type { ImageClassifier } from '../models/imageClassifier';
import type { ParameterMap } from '../models/parameters';
import type { AdamW } from './adamw';
import { smoothedCrossEntropy } from './losses';

/**
 * One optimiser step: gradients of `loss` for every parameter, AdamW update. Returns the
 * (pre-update) loss as a scalar the caller must dispose after reading.
 */
export function trainStepOn(params: ParameterMap, optimizer: AdamW, loss: () => tf.Scalar, learningRate: number): tf.Scalar {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, [...params.values()]);
    const named: tf.NamedTensorMap = {};
    for (const [name, v] of params) {
      const g = grads[v.name];
      if (g) named[name] = g;
    }
    optimizer.apply(named, learningRate);
    return value;
  });
}

/** A classifier's step: loss = smoothed cross-entropy on the batch. */
export function trainStep(
  model: ImageClassifier,
  optimizer: AdamW,
  images: tf.Tensor2D,
  labels: tf.Tensor1D,
  learningRate: number,
  labelSmoothing: number,
): tf.Scalar {
  return trainStepOn(model.params, optimizer, () => smoothedCrossEntropy(model.logits(images), labels, labelSmoothing), learningRate);
}
