import * as tf from '@tensorflow/tfjs';
import type { TextTowerSpec } from '../accounting/twoTowerFlops';
import { createRng } from '../random/rng';
import { dense, gelu, layerNorm, param } from './layers';
import { matMul } from './matmul';
import { addDense, addLayerNorm, disposeParameters, normalVariable, type ParameterMap } from './parameters';

/**
 * A tiny text tower: token embedding (a one-hot matmul, so its gradient is a plain matmul) + learned
 * position embedding → one pre-norm residual MLP block per token → mean pool → LayerNorm → linear
 * projection to the shared embedding. Captions have a fixed length L, so every shape is fixed.
 */
export class TextTower {
  readonly params: ParameterMap = new Map();

  constructor(
    readonly spec: TextTowerSpec,
    seed: number,
  ) {
    const rng = createRng(seed);
    const { vocabulary: V, length: L, width: D, mlpRatio: r, embeddingDim: E } = spec;
    this.params.set('token_embed', normalVariable([V, D], 1, rng));
    this.params.set('pos', normalVariable([L, D], 0.02, rng));
    addLayerNorm(this.params, 'block/ln', D);
    addDense(this.params, 'block/mlp1', D, r * D, rng);
    addDense(this.params, 'block/mlp2', r * D, D, rng);
    addLayerNorm(this.params, 'final_ln', D);
    addDense(this.params, 'proj', D, E, rng);
  }

  /** tokens [B, L] int32 → unnormalised caption embeddings [B, E]. Call inside tf.tidy. */
  embed(tokens: tf.Tensor2D): tf.Tensor2D {
    const { vocabulary: V, length: L, width: D } = this.spec;
    const B = tokens.shape[0];
    const oneHot = tf.cast(tf.oneHot(tf.reshape(tokens, [B * L]) as tf.Tensor1D, V), 'float32') as tf.Tensor2D; // [B·L, V]
    const embedded = matMul(oneHot, param(this.params, 'token_embed') as tf.Tensor2D); // [B·L, D]
    const x = tf.reshape(tf.add(tf.reshape(embedded, [B, L, D]), param(this.params, 'pos')), [B * L, D]) as tf.Tensor2D; // [B·L, D]
    const h = tf.add(x, dense(this.params, 'block/mlp2', gelu(dense(this.params, 'block/mlp1', layerNorm(this.params, 'block/ln', x))))); // [B·L, D]
    const pooled = tf.mean(tf.reshape(h, [B, L, D]), 1) as tf.Tensor2D; // [B, D]
    return dense(this.params, 'proj', layerNorm(this.params, 'final_ln', pooled)); // [B, E]
  }

  dispose(): void {
    disposeParameters(this.params);
  }
}
