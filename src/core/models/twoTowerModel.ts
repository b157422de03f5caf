import * as tf from '@tensorflow/tfjs';
import { textTowerSpec, type TextShape } from '../accounting/twoTowerFlops';
import type { InputShape } from './inputShape';
import { deriveSeed } from '../random/rng';
import { param } from './layers';
import { constantVariable, type ParameterMap } from './parameters';
import { TextTower } from './textTower';
import type { TrainableModel } from './trainableModel';
import { VisionTransformer } from './vit';
import type { VitSpec } from './vitVariants';

/** CLIP's initial temperature 0.07, i.e. logit scale 1/0.07; the scale is capped at 100. */
const INITIAL_LOG_SCALE = Math.log(1 / 0.07);
const MAX_LOG_SCALE = Math.log(100);

/**
 * A CLIP-style two-tower model (Radford et al. 2021): a ViT image tower whose head projects to the
 * shared embedding E, a tiny text tower of the same width, and a learnable temperature. Both towers'
 * outputs are L2-normalised, so ẑ_I·ẑ_T is a cosine similarity in [−1, 1].
 */
export class TwoTowerModel implements TrainableModel {
  readonly params: ParameterMap = new Map();
  private readonly image: VisionTransformer;
  private readonly text: TextTower;

  constructor(
    readonly spec: VitSpec,
    input: Pick<InputShape, 'imageSize' | 'channels'>,
    textShape: TextShape,
    readonly embeddingDim: number,
    seed: number,
  ) {
    this.image = new VisionTransformer(
      spec,
      { ...input, numClasses: embeddingDim },
      deriveSeed(seed, 'image-tower'),
      1 / Math.sqrt(spec.width),
    );
    this.text = new TextTower(textTowerSpec(spec, textShape, embeddingDim), deriveSeed(seed, 'text-tower'));
    for (const [name, v] of this.image.params) this.params.set(`image/${name}`, v);
    for (const [name, v] of this.text.params) this.params.set(`text/${name}`, v);
    this.params.set('log_scale', constantVariable([1], INITIAL_LOG_SCALE));
  }

  get variant(): string {
    return this.spec.name;
  }

  /** images [B, H·W] → ẑ_I [B, E], unit rows. Call inside tf.tidy. */
  embedImages(images: tf.Tensor2D): tf.Tensor2D {
    return normaliseRows(this.image.logits(images));
  }

  /** caption tokens [B, L] int32 → ẑ_T [B, E], unit rows. Call inside tf.tidy. */
  embedTexts(tokens: tf.Tensor2D): tf.Tensor2D {
    return normaliseRows(this.text.embed(tokens));
  }

  /** exp(t), the learnt inverse temperature, t clipped to [0, log 100]. Call inside tf.tidy. */
  logitScale(): tf.Scalar {
    return tf.exp(tf.clipByValue(tf.reshape(param(this.params, 'log_scale'), []), 0, MAX_LOG_SCALE)) as tf.Scalar;
  }

  dispose(): void {
    this.image.dispose();
    this.text.dispose();
    (this.params.get('log_scale') as tf.Variable).dispose();
    this.params.clear();
  }
}

/** z / ‖z‖ per row: [B, E] → [B, E]. */
export function normaliseRows(z: tf.Tensor2D): tf.Tensor2D {
  return tf.div(z, tf.sqrt(tf.add(tf.sum(tf.square(z), 1, true), 1e-12)));
}
