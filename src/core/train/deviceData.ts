import * as tf from '@tensorflow/tfjs';
import type { Split } from '../data/dataset';

/**
 * A split uploaded to the backend once: images [N, H·W·C] float32, labels [N] int32. Batches are
 * gathered on the device by index, so no pixels are re-uploaded per step.
 */
export class DeviceSplit {
  readonly images: tf.Tensor2D;
  readonly labels: tf.Tensor1D;

  constructor(
    readonly split: Split,
    pixels: number,
  ) {
    this.images = tf.tensor2d(split.images, [split.count, pixels]);
    this.labels = tf.tensor1d(split.labels, 'int32');
  }

  get count(): number {
    return this.split.count;
  }

  /** Gathers a batch; the caller owns (and disposes, or tidies) the results. */
  batch(indices: Int32Array): { images: tf.Tensor2D; labels: tf.Tensor1D } {
    return tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      return { images: tf.gather(this.images, idx) as tf.Tensor2D, labels: tf.gather(this.labels, idx) as tf.Tensor1D };
    });
  }

  dispose(): void {
    this.images.dispose();
    this.labels.dispose();
  }
}
