import * as tf from '@tensorflow/tfjs';
import { matMul, swapLastAxes } from '../models/matmul';
import { smoothedCrossEntropy } from './losses';

/**
 * The learner's loss (CLIP, Radford et al. 2021): symmetric InfoNCE over the batch. With unit
 * embeddings ẑ_I, ẑ_T [B, E] and logit scale s, logits = s·ẑ_I·ẑ_Tᵀ [B, B]; pair i is the positive of
 * row i and column i, every other pair in the batch a negative:
 *   loss = ½ (CE(rows, i) + CE(columns, i)), each averaged over the B pairs (optionally label-smoothed).
 * Repeated captions (32 captions, 64 pairs a batch) are positives, not negatives, without any masking:
 * the text tower maps one caption to one embedding, so their logits tie, and this loss equals the
 * multi-positive one (targets spread over every pair with the same caption) in value and in gradient
 * — checked by hand in contrastiveLoss.test.ts. The only trace is a floor of log n on a row whose
 * caption occurs n times, which moves no gradient.
 */
export function symmetricInfoNce(
  imageEmbeddings: tf.Tensor2D,
  textEmbeddings: tf.Tensor2D,
  scale: tf.Scalar | number,
  smoothing = 0,
): tf.Scalar {
  const B = imageEmbeddings.shape[0];
  const logits = tf.mul(matMul(imageEmbeddings, swapLastAxes(textEmbeddings)), scale) as tf.Tensor2D; // [B, B]
  const positives = tf.range(0, B, 1, 'int32') as tf.Tensor1D; // [B]
  const imageToText = smoothedCrossEntropy(logits, positives, smoothing);
  const textToImage = smoothedCrossEntropy(swapLastAxes(logits), positives, smoothing);
  return tf.mul(tf.add(imageToText, textToImage), 0.5) as tf.Scalar;
}

/**
 * The scorers' per-example loss (ActiveCLIP): ℓ(x) = −ẑ_I·ẑ_T, the negative cosine of the pair alone.
 * No batch-wide softmax, so every example is scored independently of the others in its super-batch.
 */
export function negativePairSimilarity(imageEmbeddings: tf.Tensor2D, textEmbeddings: tf.Tensor2D): tf.Tensor1D {
  return tf.neg(tf.sum(tf.mul(imageEmbeddings, textEmbeddings), 1)) as tf.Tensor1D; // [B]
}
