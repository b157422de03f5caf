import * as tf from '@tensorflow/tfjs';
import type { ImageClassifier } from '../models/imageClassifier';
import type { DeviceSplit } from './deviceData';
import { perExampleCrossEntropy } from './losses';

/** Recall@1 of image→text and text→image retrieval on the test split (image–caption tasks). */
export interface RetrievalRecall {
  imageToText: number;
  textToImage: number;
}

/** Per-class test hits and example counts, tallied in the same pass as the accuracy. */
export interface ClassHits {
  hits: number[];
  counts: number[];
}

export interface Evaluation {
  accuracy: number;
  loss: number;
  retrieval?: RetrievalRecall;
  /** Classification: hits and examples per class (the same pass as `accuracy`). */
  classHits?: ClassHits;
}

/**
 * Accuracy and mean loss on a (clean) split in fixed-size batches: the last batch is padded by
 * wrapping around and the padding is not counted, so every call uses the same shapes. The per-example
 * hits of each batch come back too (one small download), and are tallied by class on the CPU.
 */
export async function evaluate(model: ImageClassifier, split: DeviceSplit, batchSize = 500): Promise<Evaluation> {
  const size = Math.min(batchSize, split.count);
  let numClasses = 0;
  const labelsOnHost = split.split.labels;
  let classHits: ClassHits | undefined;
  let correct = 0;
  let lossSum = 0;
  for (let start = 0; start < split.count; start += size) {
    const valid = Math.min(size, split.count - start);
    const indices = Int32Array.from({ length: size }, (_, i) => (start + i) % split.count);
    const [hits, losses, perExample] = tf.tidy(() => {
      const { images, labels } = split.batch(indices);
      const logits = model.logits(images);
      numClasses = logits.shape[1];
      const mask = tf.concat([tf.ones([valid]), tf.zeros([size - valid])]);
      const isHit = tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32');
      return [tf.sum(tf.mul(isHit, mask)), tf.sum(tf.mul(perExampleCrossEntropy(logits, labels), mask)), isHit];
    });
    const [h, l, each] = await Promise.all([hits.data(), losses.data(), perExample.data()]);
    tf.dispose([hits, losses, perExample]);
    classHits ??= { hits: new Array<number>(numClasses).fill(0), counts: new Array<number>(numClasses).fill(0) };
    for (let i = 0; i < valid; i++) {
      const c = labelsOnHost[start + i] as number;
      classHits.counts[c] = (classHits.counts[c] as number) + 1;
      classHits.hits[c] = (classHits.hits[c] as number) + (each[i] as number);
    }
    correct += h[0] as number;
    lossSum += l[0] as number;
  }
  return { accuracy: correct / split.count, loss: lossSum / split.count, ...(classHits ? { classHits } : {}) };
}
