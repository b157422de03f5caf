import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { switchToTestBackend } from '../testing/testBackend';
import { flatPack, flatUnpack } from './flatPack';

describe('flatPack / flatUnpack', () => {
  it.each(['wasm', 'cpu'] as const)(
    'on %s: pack equals concat of the flattened tensors, and unpack restores every shape and value',
    async (backend) => {
      await switchToTestBackend(backend);
      const values = [
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [7],
        [8, 9],
        [[[10]], [[11]]],
      ];
      const tensors = values.map((v) => tf.tensor(v));
      const flat = flatPack(tensors);
      expect(Array.from(await flat.data())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      const back = flatUnpack(flat, [[2, 3], [1], [2], [2, 1, 1]]);
      expect(back.map((t) => t.shape)).toEqual([[2, 3], [1], [2], [2, 1, 1]]);
      expect(await Promise.all(back.map((t) => t.array()))).toEqual(values);
      expect((flatUnpack(tf.tensor1d([3, 4]), [[1, 2]])[0] as tf.Tensor).shape).toEqual([1, 2]); // a single part is still a list
    },
  );
});
