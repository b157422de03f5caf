import * as tf from '@tensorflow/tfjs';
import type { ImageClassifier } from '../models/imageClassifier';
import type { AdamW } from './adamw';
import { smoothedCrossEntropy } from './losses';

/**
 * One optimiser step on a batch: loss = smoothed cross-entropy, gradients for every parameter,
 * AdamW update. Returns the (pre-update) loss as a scalar the caller must dispose after reading.
 */
export function trainStep(model: ImageClassifier, optimizer: AdamW, images: tf.Tensor2D, labels: tf.Tensor1D, learningRate: number, labelSmoothing: number): tf.Scalar {
  return tf.tidy(() => {
    const variables = [...model.params.values()];
    const { value, grads } = tf.variableGrads(() => smoothedCrossEntropy(model.logits(images), labels, labelSmoothing), variables);
    const named: tf.NamedTensorMap = {};
    for (const [name, v] of model.params) {
      const g = grads[v.name];
      if (g) named[name] = g;
    }
    optimizer.apply(named, learningRate);
    return value;
  });
}
