import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { switchToTestBackend } from '../testing/testBackend';
import { installWasmKernels } from './wasmKernels';
import { moduleBytes } from './wasmBytecode';
import { smallMatMulFunction } from './smallMatMulKernel';

const rng = createRng(5);
const random = (shape: number[]) =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()),
    shape,
  );

/**
 * The control: the same product with B passed transposed (transposeB), which the generated kernel
 * declines, so tfjs-wasm's own scalar loop computes it, summing in the same order.
 */
async function generatedAndTfjs(a: tf.Tensor, b: tf.Tensor): Promise<[Float32Array, Float32Array]> {
  const swap = [...b.shape.keys()].map((i, _, all) => (i < all.length - 2 ? i : i === all.length - 2 ? i + 1 : i - 1));
  const generated = tf.matMul(a, b);
  const reference = tf.matMul(a, tf.transpose(b, swap), false, true);
  return [(await generated.data()) as Float32Array, (await reference.data()) as Float32Array];
}

describe('wasm BatchMatMul with the generated SIMD kernel', () => {
  beforeAll(async () => {
    await switchToTestBackend('wasm');
    installWasmKernels();
  });

  it('the generated module validates for the attention shapes and an odd one', () => {
    for (const [m, k, n] of [
      [17, 12, 17],
      [17, 17, 12],
      [12, 17, 17],
      [3, 7, 1],
    ] as const) {
      expect(WebAssembly.validate(moduleBytes([smallMatMulFunction(m, k, n)], false) as BufferSource), `${m}×${k}×${n}`).toBe(true);
    }
  });

  it.each([
    [
      [8, 17, 12],
      [8, 12, 17],
    ],
    [
      [8, 17, 17],
      [8, 17, 12],
    ],
    [
      [2, 3, 5, 7],
      [2, 3, 7, 9],
    ],
    [
      [6, 4, 3],
      [1, 3, 6],
    ], // B broadcast over the batch
    [
      [1, 4, 3],
      [5, 3, 2],
    ], // A broadcast over the batch
  ])('A %j · B %j equals tfjs-wasm’s own kernel bit for bit', async (aShape, bShape) => {
    const [generated, reference] = await generatedAndTfjs(random(aShape), random(bShape));
    expect(generated.length).toBe(reference.length);
    expect(Array.from(generated)).toEqual(Array.from(reference));
  });

  it('agrees with the cpu backend, and shapes it does not cover still run through tfjs', async () => {
    const a = await random([4, 5, 60]).array();
    const b = await random([4, 60, 3]).array(); // K = 60 > 48: tfjs's own kernel
    const c = await random([3, 9, 6]).array();
    const d = await random([3, 6, 11]).array();
    const onWasm = [await tf.matMul(tf.tensor(a), tf.tensor(b)).data(), await tf.matMul(tf.tensor(c), tf.tensor(d)).data()];
    await switchToTestBackend('cpu');
    const onCpu = [await tf.matMul(tf.tensor(a), tf.tensor(b)).data(), await tf.matMul(tf.tensor(c), tf.tensor(d)).data()];
    await switchToTestBackend('wasm');
    for (const [i, values] of onWasm.entries()) {
      const cpu = onCpu[i] as Float32Array;
      const worst = Math.max(...Array.from(values, (v, j) => Math.abs(v - (cpu[j] as number))));
      expect(worst).toBeLessThan(1e-4);
    }
  });
});
