import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { switchToTestBackend } from '../testing/testBackend';
import { multiHeadAttention } from './attention';
import { matMul, swapLastAxes } from './matmul';

/** The attention formula left to tfjs autodiff: the reference the hand-written gradient must reproduce. */
function reference(
  a: tf.Tensor2D,
  wqkv: tf.Tensor2D,
  bqkv: tf.Tensor1D,
  wo: tf.Tensor2D,
  bo: tf.Tensor1D,
  T: number,
  H: number,
): tf.Tensor2D {
  const [N, D] = a.shape;
  const B = N / T;
  const dh = D / H;
  const qkv = tf.add(matMul(a, wqkv), bqkv);
  const [q, k, v] = tf
    .split(tf.transpose(tf.reshape(qkv, [B, T, 3 * H, dh]), [2, 0, 1, 3]), 3, 0)
    .map((t) => tf.reshape(t, [H * B, T, dh]) as tf.Tensor3D) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
  const p = tf.softmax(tf.mul(matMul(q, swapLastAxes(k)), 1 / Math.sqrt(dh))) as tf.Tensor3D;
  const merged = tf.reshape(tf.transpose(tf.reshape(matMul(p, v), [H, B, T, dh]), [1, 2, 0, 3]), [N, D]) as tf.Tensor2D;
  return tf.add(matMul(merged, wo), bo);
}

describe('multi-head attention with its written-out gradient', () => {
  it.each(['wasm', 'cpu'] as const)('equals autodiff of the formula bit for bit on %s (value and all five gradients)', async (backend) => {
    await switchToTestBackend(backend);
    const rng = createRng(21);
    const random = (shape: number[]) =>
      tf.tensor(
        Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => rng.normal()),
        shape,
      );
    const [T, H, D, B] = [5, 2, 8, 3];
    const inputs = [random([B * T, D]), random([D, 3 * D]), random([3 * D]), random([D, D]), random([D])] as [
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
      tf.Tensor2D,
      tf.Tensor1D,
    ];
    const dy = random([B * T, D]);
    const loss =
      (f: typeof reference) =>
      (...xs: tf.Tensor[]) =>
        tf.sum(tf.mul(f(...(xs as typeof inputs), T, H), dy));
    const ours = tf.grads(loss(multiHeadAttention))(inputs);
    const theirs = tf.grads(loss(reference))(inputs);
    expect(Array.from(await multiHeadAttention(...inputs, T, H).data())).toEqual(Array.from(await reference(...inputs, T, H).data()));
    for (const [i, name] of ['a', 'Wqkv', 'bqkv', 'Wo', 'bo'].entries()) {
      const [mine, auto] = [await ours[i]!.data(), await theirs[i]!.data()];
      expect(
        mine.some((g) => g !== 0),
        `d/d${name} is not all zero`,
      ).toBe(true);
      expect(Array.from(mine), `d/d${name}`).toEqual(Array.from(auto));
    }
  });
});
