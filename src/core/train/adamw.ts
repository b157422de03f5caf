import * as tf from '@tensorflow/tfjs';
import { variableFrom, type ParameterMap } from '../models/parameters';

export interface AdamWOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
}

export const DEFAULT_ADAMW: AdamWOptions = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 1e-4 };

/**
 * AdamW (Loshchilov & Hutter): Adam moments plus decoupled weight decay on matrices (rank ≥ 2);
 * biases, norms and 1-D parameters are not decayed. The learning rate is passed per step (schedule).
 */
export class AdamW {
  private readonly moments = new Map<string, { m: tf.Variable; v: tf.Variable }>();
  private stepCount = 0;

  constructor(
    private readonly params: ParameterMap,
    private readonly options: AdamWOptions = DEFAULT_ADAMW,
  ) {
    for (const [name, p] of params) {
      this.moments.set(name, { m: variableFrom(tf.zerosLike(p), false), v: variableFrom(tf.zerosLike(p), false) });
    }
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
      for (const [name, p] of this.params) {
        const g = grads[name];
        const state = this.moments.get(name);
        if (!g || !state) throw new Error(`AdamW: no gradient for parameter "${name}"`);
        const m = tf.add(tf.mul(state.m, beta1), tf.mul(g, 1 - beta1));
        const v = tf.add(tf.mul(state.v, beta2), tf.mul(tf.square(g), 1 - beta2));
        state.m.assign(m);
        state.v.assign(v);
        let update = tf.div(tf.div(m, correction1), tf.add(tf.sqrt(tf.div(v, correction2)), epsilon));
        if (p.rank >= 2 && weightDecay > 0) update = tf.add(update, tf.mul(p, weightDecay));
        p.assign(tf.sub(p, tf.mul(update, learningRate)));
      }
    });
  }

  dispose(): void {
    for (const { m, v } of this.moments.values()) {
      m.dispose();
      v.dispose();
    }
    this.moments.clear();
  }
}
