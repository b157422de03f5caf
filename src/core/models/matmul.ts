import * as tf from '@tensorflow/tfjs';
// On wasm: the lab's faster kernels (batched matmuls on generated SIMD code, cheaper slices and clones).
import '../backend/wasmKernels';

/**
 * C = A·B (2-D or same-batch 3-D) whose gradient uses only plain matmuls on explicitly transposed
 * operands: dA = dC·Bᵀ, dB = Aᵀ·dC. tfjs's own gradient calls matMul with transposeA/transposeB,
 * which tfjs-wasm runs on a slow path (measured ~8–10× slower than transpose + plain matmul).
 */
export const matMul = tf.customGrad((a, b, save) => {
  const A = a as tf.Tensor;
  const B = b as tf.Tensor;
  (save as tf.GradSaveFunc)([A, B]);
  return {
    value: tf.matMul(A, B),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      return [tf.matMul(dy, swapLastAxes(sb)), tf.matMul(swapLastAxes(sa), dy)];
    },
  };
}) as <T extends tf.Tensor2D | tf.Tensor3D>(a: T, b: T | tf.Tensor2D) => T;

/** Transposes the last two axes: [M, N] → [N, M], [K, M, N] → [K, N, M]. */
export function swapLastAxes<T extends tf.Tensor>(x: T): T {
  return x.rank === 2 ? tf.transpose(x) : tf.transpose(x, [0, 2, 1]);
}
