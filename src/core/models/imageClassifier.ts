import type * as tf from '@tensorflow/tfjs';
import type { ParameterMap } from './parameters';

/** What training, scoring and evaluation need from any model family. */
export interface ImageClassifier {
  readonly variant: string;
  readonly params: ParameterMap;
  /** images [B, H·W·C] → logits [B, K]; call inside tf.tidy. */
  logits(images: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}
