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

export function disposeParameters(params: ParameterMap): void {
  for (const v of params.values()) v.dispose();
  params.clear();
}

/** Parameter values read back from the device, keyed by name (checkpoints). */
export type ParameterValues = Record<string, Float32Array>;

export async function readParameters(params: ParameterMap): Promise<ParameterValues> {
  const names = [...params.keys()];
  const values = await Promise.all(names.map((name) => (params.get(name) as tf.Variable).data()));
  return Object.fromEntries(names.map((name, i) => [name, Float32Array.from(values[i] as Float32Array)]));
}

/** Overwrites every parameter from saved values; names and sizes must match exactly. */
export function writeParameters(params: ParameterMap, values: ParameterValues): void {
  const saved = Object.keys(values);
  if (saved.length !== params.size) throw new Error(`checkpoint holds ${saved.length} parameter tensors, the model has ${params.size}`);
  for (const [name, variable] of params) {
    const value = values[name];
    if (!value) throw new Error(`checkpoint has no values for parameter "${name}"`);
    if (value.length !== variable.size)
      throw new Error(`checkpoint parameter "${name}" has ${value.length} values, the model needs ${variable.size}`);
  }
  tf.tidy(() => {
    for (const [name, variable] of params) variable.assign(tf.tensor(values[name] as Float32Array, variable.shape));
  });
}
