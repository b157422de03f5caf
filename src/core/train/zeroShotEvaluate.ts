import * as tf from '@tensorflow/tfjs';
import { matMul, swapLastAxes } from '../models/matmul';
import type { TwoTowerModel } from '../models/twoTowerModel';
import type { DeviceSplit } from './deviceData';
import type { Evaluation } from './evaluate';
import { zeroShotMetrics } from './zeroShotMetrics';

/**
 * Zero-shot evaluation of a two-tower model: every caption is a class prompt. Embeds the K prompts
 * once, the split's images in fixed-size batches (the last one padded by wrapping, as in evaluate),
 * reads back the cosine similarities [N, K] and scores them on the CPU.
 */
export async function zeroShotEvaluate(
  model: TwoTowerModel,
  split: DeviceSplit,
  promptTokens: tf.Tensor2D,
  batchSize = 500,
): Promise<Evaluation> {
  const K = promptTokens.shape[0];
  const size = Math.min(batchSize, split.count);
  const [prompts, scale] = tf.tidy(() => [swapLastAxes(model.embedTexts(promptTokens)), model.logitScale()]); // [E, K], scalar
  const sims = new Float32Array(split.count * K);
  try {
    for (let start = 0; start < split.count; start += size) {
      const valid = Math.min(size, split.count - start);
      const indices = Int32Array.from({ length: size }, (_, i) => (start + i) % split.count);
      const batch = tf.tidy(() => matMul(model.embedImages(split.batch(indices).images), prompts as tf.Tensor2D)); // [size, K]
      const values = (await batch.data()) as Float32Array;
      batch.dispose();
      sims.set(values.subarray(0, valid * K), start * K);
    }
    const scaleValue = (await scale.data())[0] as number;
    return zeroShotMetrics(sims, split.split.labels, K, scaleValue);
  } finally {
    tf.dispose([prompts, scale]);
  }
}
