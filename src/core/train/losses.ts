import * as tf from '@tensorflow/tfjs';

/** Per-example cross-entropy ℓ(x) = −log softmax(logits)[y], no smoothing: logits [B, K], labels [B] → [B]. */
export function perExampleCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D {
  const numClasses = logits.shape[1];
  const logProbs = tf.logSoftmax(logits); // [B, K]
  return tf.neg(tf.sum(tf.mul(logProbs, tf.oneHot(labels, numClasses)), 1)) as tf.Tensor1D; // [B]
}

/** Mean cross-entropy against label-smoothed targets (1−ε)·onehot + ε/K: the training loss. */
export function smoothedCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, smoothing: number): tf.Scalar {
  const numClasses = logits.shape[1];
  const targets = tf.add(tf.mul(tf.oneHot(labels, numClasses), 1 - smoothing), smoothing / numClasses); // [B, K]
  return tf.mean(tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), targets), 1)));
}
