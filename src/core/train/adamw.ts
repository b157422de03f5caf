import * as tf from '@tensorflow/tfjs';
import { flatPack, flatUnpack } from '../backend/flatPack';
import { variableFrom, type ParameterMap } from '../models/parameters';

export interface AdamWOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
}

/** The optimiser's state: step count and the flat moment vectors (checkpoints). */
export interface AdamWState {
  steps: number;
  m: Float32Array;
  v: Float32Array;
}

export const DEFAULT_ADAMW: AdamWOptions = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 1e-4 };

/**
 * AdamW (Loshchilov & Hutter): Adam moments plus decoupled weight decay on matrices (rank ≥ 2);
 * biases, norms and 1-D parameters are not decayed. The learning rate is passed per step (schedule).
 *
 * All parameters are updated as one flat vector: pack the gradients (and parameters), a dozen
 * elementwise kernels, unpack (backend/flatPack.ts: one kernel each way on wasm). Per-tensor updates cost ~17 kernels × every tensor, and on
 * tfjs-wasm each small kernel costs ~25 µs whatever its size.
 */
export class AdamW {
  private readonly names: string[];
  private readonly sizes: number[];
  private readonly shapes: number[][];
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  /** 1 where weight decay applies (matrices), 0 elsewhere; same layout as the flat vector. */
  private readonly decayMask: tf.Tensor1D;
  private stepCount = 0;

  constructor(
    private readonly params: ParameterMap,
    private readonly options: AdamWOptions = DEFAULT_ADAMW,
  ) {
    this.names = [...params.keys()];
    this.sizes = this.names.map((n) => (params.get(n) as tf.Variable).size);
    this.shapes = this.names.map((n) => (params.get(n) as tf.Variable).shape);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    this.m = variableFrom(tf.zeros([total]), false);
    this.v = variableFrom(tf.zeros([total]), false);
    const mask = new Float32Array(total);
    let offset = 0;
    this.names.forEach((name, i) => {
      const size = this.sizes[i] as number;
      if ((params.get(name) as tf.Variable).rank >= 2) mask.fill(1, offset, offset + size);
      offset += size;
    });
    this.decayMask = tf.tensor1d(mask);
  }

  get steps(): number {
    return this.stepCount;
  }

  /** Applies one update; gradients are keyed like the parameters. Disposes nothing it was given. */
  apply(grads: tf.NamedTensorMap, learningRate: number): void {
    this.stepCount++;
    const { beta1, beta2, epsilon, weightDecay } = this.options;
    const correction1 = 1 - beta1 ** this.stepCount;
    const correction2 = 1 - beta2 ** this.stepCount;
    tf.tidy(() => {
      const flat = (get: (name: string) => tf.Tensor) => flatPack(this.names.map(get)); // [P]
      const g = flat((name) => {
        const grad = grads[name];
        if (!grad) throw new Error(`AdamW: no gradient for parameter "${name}"`);
        return grad;
      });
      const p = flat((name) => this.params.get(name) as tf.Variable);
      const m = tf.add(tf.mul(this.m, beta1), tf.mul(g, 1 - beta1));
      const v = tf.add(tf.mul(this.v, beta2), tf.mul(tf.square(g), 1 - beta2));
      this.m.assign(m);
      this.v.assign(v);
      let update = tf.div(tf.div(m, correction1), tf.add(tf.sqrt(tf.div(v, correction2)), epsilon));
      if (weightDecay > 0) update = tf.add(update, tf.mul(tf.mul(p, this.decayMask), weightDecay));
      const next = flatUnpack(tf.sub(p, tf.mul(update, learningRate)), this.shapes);
      this.names.forEach((name, i) => (this.params.get(name) as tf.Variable).assign(next[i] as tf.Tensor));
    });
  }

  /** Reads the moments back from the device. */
  async snapshot(): Promise<AdamWState> {
    const [m, v] = await Promise.all([this.m.data(), this.v.data()]);
    return { steps: this.stepCount, m: Float32Array.from(m), v: Float32Array.from(v) };
  }

  /** Continues from a snapshot of an optimiser over the same parameters. */
  restore(state: AdamWState): void {
    if (state.m.length !== this.m.size || state.v.length !== this.v.size) {
      throw new Error(`AdamW: the checkpoint holds moments for ${state.m.length} parameters, this model has ${this.m.size}`);
    }
    this.stepCount = state.steps;
    tf.tidy(() => {
      this.m.assign(tf.tensor1d(state.m));
      this.v.assign(tf.tensor1d(state.v));
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
    this.decayMask.dispose();
  }
}
