import * as tf from '@tensorflow/tfjs';
import type { InputShape } from './inputShape';
import { createRng } from '../random/rng';
import { dense, layerNorm, param } from './layers';
import type { ImageClassifier } from './imageClassifier';
import { BLOCK_PARAMETERS, transformerBlock } from './transformerBlock';
import { addDense, addLayerNorm, constantVariable, disposeParameters, normalVariable, type ParameterMap } from './parameters';
import type { VitSpec } from './vitVariants';

/**
 * Vision Transformer (Dosovitskiy et al.): patchify → linear embed + learned position embedding
 * (+ class token) → depth × pre-norm blocks [LN → MHSA → +, LN → MLP(GELU) → +] → LN → linear head.
 * The residual stream is kept 2-D, [B·T', D], so every matmul is a plain 2-D matmul.
 */
export class VisionTransformer implements ImageClassifier {
  readonly params: ParameterMap = new Map();
  private readonly patches: number; // T
  private readonly tokens: number; // T' = T (+1 class token)

  constructor(
    readonly spec: VitSpec,
    readonly input: InputShape,
    seed: number,
    /** Init std of the head: 0 for a classifier (big_vision); nonzero for an embedding projection, whose output is normalised. */
    headStd = 0,
  ) {
    if (input.channels !== 1) throw new Error(`ViT: only 1-channel images are supported (got ${input.channels})`);
    if (input.imageSize % spec.patch !== 0) throw new Error(`ViT: image size ${input.imageSize} is not a multiple of patch ${spec.patch}`);
    if (spec.width % spec.heads !== 0) throw new Error(`ViT: width ${spec.width} not divisible by ${spec.heads} heads`);
    this.patches = (input.imageSize / spec.patch) ** 2;
    this.tokens = this.patches + (spec.pool === 'cls' ? 1 : 0);
    const rng = createRng(seed);
    const D = spec.width;
    const P = spec.patch;
    addDense(this.params, 'embed', P * P * input.channels, D, rng);
    this.params.set('pos', normalVariable([this.tokens, D], 0.02, rng));
    if (spec.pool === 'cls') this.params.set('cls', constantVariable([1, D], 0));
    for (let i = 0; i < spec.depth; i++) {
      addLayerNorm(this.params, `block${i}/ln1`, D);
      addDense(this.params, `block${i}/qkv`, D, 3 * D, rng);
      addDense(this.params, `block${i}/out`, D, D, rng);
      addLayerNorm(this.params, `block${i}/ln2`, D);
      addDense(this.params, `block${i}/mlp1`, D, spec.mlpRatio * D, rng);
      addDense(this.params, `block${i}/mlp2`, spec.mlpRatio * D, D, rng);
    }
    addLayerNorm(this.params, 'final_ln', D);
    addDense(this.params, 'head', D, input.numClasses, rng, headStd); // zero-init head for classifiers (big_vision)
  }

  get variant(): string {
    return this.spec.name;
  }

  /** images [B, H·W] → logits [B, K]. Call inside tf.tidy. */
  logits(images: tf.Tensor2D): tf.Tensor2D {
    const { patch: P, width: D } = this.spec;
    const B = images.shape[0];
    const n = this.input.imageSize / P;
    const T = this.patches;
    const Tp = this.tokens;
    // patchify: [B, H·W] → [B·n, P, n, P] → [B·n, n, P, P] → [B·T, P²] (4-D transposes only: rank 5 is slow on wasm)
    const patches = tf.reshape(tf.transpose(tf.reshape(images, [B * n, P, n, P]), [0, 2, 1, 3]), [B * T, P * P]) as tf.Tensor2D;
    let x = tf.reshape(dense(this.params, 'embed', patches), [B, T, D]) as tf.Tensor3D; // [B, T, D]
    if (this.spec.pool === 'cls') {
      // Broadcast by adding zeros: its gradient is one sum over the batch (broadcastTo's is B slices + B adds).
      const cls = tf.add(tf.zeros([B, 1, D]), tf.reshape(param(this.params, 'cls'), [1, 1, D])); // [B, 1, D]
      x = tf.concat([cls, x], 1) as tf.Tensor3D; // [B, T', D]
    }
    x = tf.add(x, param(this.params, 'pos')); // [B, T', D]
    let h = tf.reshape(x, [B * Tp, D]) as tf.Tensor2D; // residual stream [B·T', D]
    for (let i = 0; i < this.spec.depth; i++) {
      const blockParams = BLOCK_PARAMETERS.map((name) => param(this.params, `block${i}/${name}`));
      h = transformerBlock(h, blockParams, Tp, this.spec.heads); // h + Attention(LN(h)), then + MLP(LN(·))
    }
    h = layerNorm(this.params, 'final_ln', h);
    const pooled =
      this.spec.pool === 'cls'
        ? (tf.reshape(tf.slice(tf.reshape(h, [B, Tp, D]), [0, 0, 0], [B, 1, D]), [B, D]) as tf.Tensor2D) // class token [B, D]
        : (tf.mean(tf.reshape(h, [B, Tp, D]), 1) as tf.Tensor2D); // mean pool [B, D]
    return dense(this.params, 'head', pooled); // [B, K]
  }

  dispose(): void {
    disposeParameters(this.params);
  }
}
