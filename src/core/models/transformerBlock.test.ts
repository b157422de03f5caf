import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { switchToTestBackend } from '../testing/testBackend';
import { multiHeadAttention } from './attention';
import { dense, gelu, layerNorm } from './layers';
import type { ParameterMap } from './parameters';
import { BLOCK_PARAMETERS, transformerBlock } from './transformerBlock';

/** The block composed from its parts, each with its own gradient, and the residual sums left to autodiff. */
function composed(h: tf.Tensor2D, params: tf.Tensor[], T: number, H: number): tf.Tensor2D {
  const map: ParameterMap = new Map(BLOCK_PARAMETERS.map((name, i) => [name, params[i] as tf.Variable]));
  const p = (name: string) => map.get(name) as tf.Tensor;
  const a = layerNorm(map, 'ln1', h);
  const h1 = tf.add(
    h,
    multiHeadAttention(a, p('qkv/w') as tf.Tensor2D, p('qkv/b') as tf.Tensor1D, p('out/w') as tf.Tensor2D, p('out/b') as tf.Tensor1D, T, H),
  );
  return tf.add(h1, dense(map, 'mlp2', gelu(dense(map, 'mlp1', layerNorm(map, 'ln2', h1 as tf.Tensor2D)))));
}

describe('transformer block as one custom gradient', () => {
  it.each(['wasm', 'cpu'] as const)(
    'equals autodiff of its parts bit for bit on %s (value, dh and all 12 parameter gradients)',
    async (backend) => {
      await switchToTestBackend(backend);
      const rng = createRng(31);
      const random = (shape: number[], scale = 1, offset = 0) =>
        tf.tensor(
          Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => offset + scale * rng.normal()),
          shape,
        );
      const [T, H, D, B] = [5, 2, 8, 3];
      const shapes: Record<(typeof BLOCK_PARAMETERS)[number], number[]> = {
        'ln1/scale': [D],
        'ln1/bias': [D],
        'qkv/w': [D, 3 * D],
        'qkv/b': [3 * D],
        'out/w': [D, D],
        'out/b': [D],
        'ln2/scale': [D],
        'ln2/bias': [D],
        'mlp1/w': [D, 2 * D],
        'mlp1/b': [2 * D],
        'mlp2/w': [2 * D, D],
        'mlp2/b': [D],
      };
      const params = BLOCK_PARAMETERS.map((name) => random(shapes[name], 0.5, name.endsWith('scale') ? 1 : 0));
      const h = random([B * T, D]) as tf.Tensor2D;
      const dy = random([B * T, D]);
      const loss =
        (f: typeof composed) =>
        (...xs: tf.Tensor[]) =>
          tf.sum(tf.mul(f(xs[0] as tf.Tensor2D, xs.slice(1), T, H), dy));
      const ours = tf.grads(loss(transformerBlock))([h, ...params]);
      const theirs = tf.grads(loss(composed))([h, ...params]);
      expect(Array.from(await transformerBlock(h, params, T, H).data())).toEqual(Array.from(await composed(h, params, T, H).data()));
      for (const [i, name] of ['h', ...BLOCK_PARAMETERS].entries()) {
        const [mine, auto] = [await ours[i]!.data(), await theirs[i]!.data()];
        expect(
          mine.some((g) => g !== 0),
          `d/d${name} is not all zero`,
        ).toBe(true);
        expect(Array.from(mine), `d/d${name}`).toEqual(Array.from(auto));
      }
    },
  );
});
