import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';

/** Named trainable parameters of a model, in a stable order (checkpoints, optimizers, tests). */
export type ParameterMap = Map<string, tf.Variable>;

/** A variable owning its own copy of `initial`, which is disposed (tf.variable alone leaks it). */
export function variableFrom(initial: tf.Tensor, trainable = true): tf.Variable {
  const v = tf.variable(initial, trainable);
  initial.dispose();
  return v;
}

/** N(0, std²) weights from the lab's seeded RNG, so init is identical on every backend. */
export function normalVariable(shape: number[], std: number, rng: Rng): tf.Variable {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = std * rng.normal();
  return variableFrom(tf.tensor(values, shape));
}

export function constantVariable(shape: number[], value: number): tf.Variable {
  return variableFrom(tf.fill(shape, value));
}

/** Dense layer weights [fanIn, fanOut] (LeCun normal) and a zero bias [fanOut]. */
export function addDense(params: ParameterMap, name: string, fanIn: number, fanOut: number, rng: Rng, std = 1 / Math.sqrt(fanIn)): void {
  params.set(`${name}/w`, normalVariable([fanIn, fanOut], std, rng));
  params.set(`${name}/b`, constantVariable([fanOut], 0));
}

export function addLayerNorm(params: ParameterMap, name: string, width: number): void {
  params.set(`${name}/scale`, constantVariable([width], 1));
  params.set(`${name}/bias`, constantVariable([width], 0));
}

export function parameterCount(params: ParameterMap): number {
  let n = 0;
  for (const v of params.values()) n += v.size;
  return n;
}

export function disposeParameters(params: ParameterMap): void {
  for (const v of params.values()) v.dispose();
  params.clear();
}
