import * as tf from '@tensorflow/tfjs';
import { matMul } from './matmul';
import type { ParameterMap } from './parameters';

function param(params: ParameterMap, name: string): tf.Variable {
  const v = params.get(name);
  if (!v) throw new Error(`model parameter "${name}" is missing`);
  return v;
}

/** x [N, in] · W [in, out] + b → [N, out]. Always 2-D (tfjs batched-matmul gradient pitfall). */
export function dense(params: ParameterMap, name: string, x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(matMul(x, param(params, `${name}/w`) as tf.Tensor2D), param(params, `${name}/b`));
}

const LAYER_NORM_EPSILON = 1e-6;

/**
 * y = γ·(x − μ)/√(σ² + ε) + β over the last axis of x [N, D], with the textbook gradient written out
 * (x̂ = normalised x, g = dy·γ): dx = (g − mean(g) − x̂·mean(g·x̂))/√(σ² + ε), dγ = Σₙ dy·x̂, dβ = Σₙ dy.
 * The same math as autodiff of the forward, in about half the kernels.
 */
export function layerNormForward(
  x: tf.Tensor2D,
  scale: tf.Tensor,
  bias: tf.Tensor,
): { value: tf.Tensor2D; saved: [tf.Tensor2D, tf.Tensor2D] } {
  const mean = tf.mean(x, -1, true); // [N, 1]
  const centred = tf.sub(x, mean); // [N, D]
  const inverseStd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), LAYER_NORM_EPSILON)) as tf.Tensor2D; // [N, 1]
  const normalised = tf.mul(centred, inverseStd) as tf.Tensor2D; // x̂ [N, D]
  return { value: tf.add(tf.mul(normalised, scale), bias) as tf.Tensor2D, saved: [normalised, inverseStd] };
}

/** [dx, dγ, dβ] from dy and the forward's saved x̂ and 1/√(σ² + ε). */
export function layerNormBackward(
  dy: tf.Tensor2D,
  [xHat, r]: [tf.Tensor2D, tf.Tensor2D],
  gamma: tf.Tensor,
): [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D] {
  const g = tf.mul(dy, gamma); // dL/dx̂ [N, D]
  const dx = tf.mul(tf.sub(tf.sub(g, tf.mean(g, -1, true)), tf.mul(xHat, tf.mean(tf.mul(g, xHat), -1, true))), r) as tf.Tensor2D; // [N, D]
  return [dx, tf.sum(tf.mul(dy, xHat), 0), tf.sum(dy, 0)];
}

const layerNormOp = tf.customGrad((x, scale, bias, save) => {
  const { value, saved } = layerNormForward(x as tf.Tensor2D, scale as tf.Tensor, bias as tf.Tensor);
  (save as tf.GradSaveFunc)([...saved, scale as tf.Tensor]);
  return {
    value,
    gradFunc: (dy: tf.Tensor, s: tf.Tensor[]) =>
      layerNormBackward(dy as tf.Tensor2D, [s[0] as tf.Tensor2D, s[1] as tf.Tensor2D], s[2] as tf.Tensor),
  };
}) as (x: tf.Tensor2D, scale: tf.Tensor, bias: tf.Tensor) => tf.Tensor2D;

/** LayerNorm over the last axis of [N, D] (ε = 1e-6), with its learned scale and bias. */
export function layerNorm(params: ParameterMap, name: string, x: tf.Tensor2D): tf.Tensor2D {
  return layerNormOp(x, param(params, `${name}/scale`), param(params, `${name}/bias`));
}

const GELU_C = 2 * Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

/**
 * GELU, tanh approximation (tfjs has no GELU op): ½x(1 + tanh(√(2/π)(x + 0.044715x³))), computed as
 * the identical x·σ(z), z = 2√(2/π)·x·(1 + 0.044715x²), since ½(1 + tanh(u)) = σ(2u) (tfjs-wasm runs
 * sigmoid ~7× faster than tanh). Its gradient is written out, dy·(s + x·s(1 − s)·dz/dx) with s = σ(z),
 * dz/dx = 2√(2/π)(1 + 3·0.044715x²): autodiff would save and copy every intermediate.
 */
export function geluForward<T extends tf.Tensor>(x: T): { value: T; sigmoid: T } {
  const s = tf.sigmoid(tf.mul(x, tf.add(tf.mul(tf.mul(x, x), GELU_C * GELU_A), GELU_C))) as T; // σ(z)
  return { value: tf.mul(x, s), sigmoid: s };
}

/** dx from dy, the input x and the forward's σ(z). */
export function geluBackward<T extends tf.Tensor>(dy: T, x: T, sig: T): T {
  const dzdx = tf.add(tf.mul(tf.mul(x, x), 3 * GELU_C * GELU_A), GELU_C);
  return tf.mul(dy, tf.add(sig, tf.mul(tf.mul(sig, tf.sub(1, sig)), tf.mul(x, dzdx))));
}

export const gelu = tf.customGrad((x, save) => {
  const { value, sigmoid } = geluForward(x as tf.Tensor);
  (save as tf.GradSaveFunc)([x as tf.Tensor, sigmoid]);
  return { value, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => geluBackward(dy, saved[0] as tf.Tensor, saved[1] as tf.Tensor) };
}) as <T extends tf.Tensor>(x: T) => T;

export { param };
