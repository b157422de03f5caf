import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { switchToTestBackend } from '../testing/testBackend';
import { gelu, layerNorm } from './layers';
import type { ParameterMap } from './parameters';

// The hand-written ops must be the textbook formulas: compare values and gradients with tfjs autodiff of them.
const rng = createRng(11);
const random = (shape: number[], scale = 1) =>
  tf.tensor(
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => scale * rng.normal()),
    shape,
  );

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  return (await tf.max(tf.abs(tf.sub(a, b))).data())[0] as number;
}

describe('hand-written layers equal autodiff of their formulas', () => {
  beforeAll(() => switchToTestBackend('cpu'));

  it('GELU: ½x(1 + tanh(√(2/π)(x + 0.044715x³))) and its derivative', async () => {
    const reference = (x: tf.Tensor) =>
      tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI))), 1));
    const x = random([6, 7], 3); // spans both tails and the bend
    const dy = random([6, 7]);
    expect(await maxAbsDiff(gelu(x), reference(x))).toBeLessThan(1e-5);
    const grad = (f: (x: tf.Tensor) => tf.Tensor) => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(f(t), dy)))(x);
    expect(await maxAbsDiff(grad(gelu), grad(reference))).toBeLessThan(1e-5);
  });

  it('LayerNorm: γ(x − μ)/√(σ² + ε) + β and its gradients in x, γ and β', async () => {
    const x = random([5, 8], 2);
    const scale = tf.variable(random([8]));
    const bias = tf.variable(random([8]));
    const params: ParameterMap = new Map([
      ['ln/scale', scale],
      ['ln/bias', bias],
    ]);
    const reference = (t: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(t, -1, true);
      return tf.add(tf.mul(tf.div(tf.sub(t, mean), tf.sqrt(tf.add(variance, 1e-6))), g), b);
    };
    const dy = random([5, 8]);
    expect(await maxAbsDiff(layerNorm(params, 'ln', x as tf.Tensor2D), reference(x, scale, bias))).toBeLessThan(1e-5);
    // Differentiate in x, γ and β as plain inputs, through layerNorm and through the formula.
    const mine = tf.grads((t: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const local: ParameterMap = new Map([
        ['ln/scale', g as tf.Variable],
        ['ln/bias', b as tf.Variable],
      ]);
      return tf.sum(tf.mul(layerNorm(local, 'ln', t as tf.Tensor2D), dy));
    })([x, scale, bias]);
    const theirs = tf.grads((t: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(reference(t, g, b), dy)))([x, scale, bias]);
    for (const [i, name] of ['x', 'γ', 'β'].entries()) {
      expect(await maxAbsDiff(mine[i]!, theirs[i]!), `d/d${name}`).toBeLessThan(1e-5);
    }
  });
});
