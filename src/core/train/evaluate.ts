import * as tf from '@tensorflow/tfjs';
import type { ImageClassifier } from '../models/imageClassifier';
import type { DeviceSplit } from './deviceData';
import { perExampleCrossEntropy } from './losses';

/** Recall@1 of image→text and text→image retrieval on the test split (image–caption tasks). */
export interface RetrievalRecall {
  imageToText: number;
  textToImage: number;
}

export interface Evaluation {
  accuracy: number;
  loss: number;
  retrieval?: RetrievalRecall;
}

/**
 * Accuracy and mean loss on a (clean) split in fixed-size batches: the last batch is padded by
 * wrapping around and the padding is not counted, so every call uses the same shapes.
 */
export async function evaluate(model: ImageClassifier, split: DeviceSplit, batchSize = 500): Promise<Evaluation> {
  const size = Math.min(batchSize, split.count);
  let correct = 0;
  let lossSum = 0;
  for (let start = 0; start < split.count; start += size) {
    const valid = Math.min(size, split.count - start);
    const indices = Int32Array.from({ length: size }, (_, i) => (start + i) % split.count);
    const [hits, losses] = tf.tidy(() => {
      const { images, labels } = split.batch(indices);
      const logits = model.logits(images);
      const mask = tf.concat([tf.ones([valid]), tf.zeros([size - valid])]);
      const isHit = tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32');
      return [tf.sum(tf.mul(isHit, mask)), tf.sum(tf.mul(perExampleCrossEntropy(logits, labels), mask))];
    });
    const [h, l] = await Promise.all([hits.data(), losses.data()]);
    hits.dispose();
    losses.dispose();
    correct += h[0] as number;
    lossSum += l[0] as number;
  }
  return { accuracy: correct / split.count, loss: lossSum / split.count };
}
