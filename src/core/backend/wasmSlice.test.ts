import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { switchToTestBackend } from '../testing/testBackend';
import { installWasmKernels } from './wasmKernels';

/** Slices, splits and clones of tensors on wasm with the lab's kernels, against tfjs's cpu backend (exact: they only move values). */
const x = Array.from({ length: 4 * 5 * 6 * 3 }, (_, i) => i * 0.5 - 7);
const shape = [4, 5, 6, 3];

async function onBoth(f: () => tf.Tensor | tf.Tensor[]): Promise<[number[][], number[][]]> {
  const run = async () => {
    const out = f();
    return Promise.all((Array.isArray(out) ? out : [out]).map(async (t) => [...t.shape, ...Array.from(await t.data())]));
  };
  const wasm = await run();
  await switchToTestBackend('cpu');
  const cpu = await run();
  await switchToTestBackend('wasm');
  return [wasm, cpu];
}

describe('wasm Slice, SplitV and Identity with the lab’s kernels', () => {
  beforeAll(async () => {
    await switchToTestBackend('wasm');
    installWasmKernels();
  });

  it.each([
    ['whole tensor', [0, 0, 0, 0], [4, 5, 6, 3]],
    ['leading axis (one run)', [1, 0, 0, 0], [2, 5, 6, 3]],
    ['inner axis (many runs)', [1, 2, 0, 0], [3, 2, 6, 3]],
    ['last axis', [0, 1, 2, 1], [4, 3, 3, 2]],
  ])('slice, %s', async (_, begin, size) => {
    const [wasm, cpu] = await onBoth(() => tf.slice(tf.tensor(x, shape), begin, size));
    expect(wasm).toEqual(cpu);
  });

  it('split along every axis, uneven sizes, int32 too; a clone has the same values', async () => {
    for (const axis of [0, 1, 2, 3]) {
      const sizes = axis === 1 ? [1, 3, 1] : [1, -1];
      const [wasm, cpu] = await onBoth(() => tf.split(tf.tensor(x, shape), sizes, axis));
      expect(wasm, `axis ${axis}`).toEqual(cpu);
    }
    const [wasm, cpu] = await onBoth(() => [
      ...tf.split(tf.tensor(x.map(Math.round), shape, 'int32'), 2, 0),
      tf.clone(tf.tensor(x, shape)),
    ]);
    expect(wasm).toEqual(cpu);
  });
});
