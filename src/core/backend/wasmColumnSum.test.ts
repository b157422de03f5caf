import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { switchToTestBackend } from '../testing/testBackend';
import { columnSumFunction } from './columnSumKernel';
import { moduleBytes } from './wasmBytecode';
import { installWasmKernels } from './wasmKernels';

const rng = createRng(8);
const random = (shape: number[]) =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()),
    shape,
  );

describe('wasm Sum over the first axis with the generated column sum', () => {
  beforeAll(async () => {
    await switchToTestBackend('wasm');
    installWasmKernels();
  });

  it('the generated module validates for vector, mixed and scalar-only widths', () => {
    for (const columns of [48, 144, 10, 3, 1]) {
      expect(WebAssembly.validate(moduleBytes([columnSumFunction(columns)], false) as BufferSource), `${columns} columns`).toBe(true);
    }
  });

  it.each([
    [1088, 48],
    [37, 144],
    [64, 10],
    [5, 3],
    [1, 1],
  ])(
    '[%i, %i] summed over axis 0 equals tfjs-wasm’s own Sum bit for bit (which the control runs on the transpose)',
    async (rows, columns) => {
      const x = random([rows, columns]);
      // Control: summing xᵀ over its last axis is tfjs-wasm's own row-sum loop, adding rows in the same order.
      const reference = await tf.sum(tf.transpose(x), 1).data();
      const generated = await tf.sum(x, 0).data();
      expect(Array.from(generated)).toEqual(Array.from(reference));
      expect(tf.sum(x, 0, true).shape).toEqual([1, columns]);
    },
  );
});
