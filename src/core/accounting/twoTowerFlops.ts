import { flops, type Flops } from './units';
import { vitForwardMacs } from './vitFlops';
import type { InputShape } from '../models/inputShape';
import type { VitSpec } from '../models/vitVariants';

/** The text side of a two-tower model: captions of `length` tokens from a vocabulary of `vocabulary` words. */
export interface TextShape {
  vocabulary: number;
  length: number;
}

/** The text tower's size, tied to the image tower's: same width and MLP ratio. */
export interface TextTowerSpec extends TextShape {
  width: number;
  mlpRatio: number;
  embeddingDim: number;
}

/**
 * Text tower forward MACs per caption: token embedding as a one-hot matmul L·V·D, one residual MLP
 * block per token 2·r·L·D², projection D·E. Excluded like the ViT's: LayerNorm, GELU, adds, the mean pool.
 */
export function textTowerMacs(spec: TextTowerSpec) {
  const { vocabulary: V, length: L, width: D, mlpRatio: r, embeddingDim: E } = spec;
  const embed = L * V * D;
  const mlp = 2 * r * L * D * D;
  const projection = D * E;
  return { embed, mlp, projection, total: embed + mlp + projection };
}

export function textTowerSpec(image: VitSpec, text: TextShape, embeddingDim: number): TextTowerSpec {
  return { ...text, width: image.width, mlpRatio: image.mlpRatio, embeddingDim };
}

/**
 * F of a two-tower model per image–caption pair = F(image tower) + F(text tower), 2 FLOPs per MAC.
 * The image tower is the ViT with its head projecting to E. Excluded (documented choice): the
 * pair's similarity, E MACs per scored pair and B·E per pair in the batch-wide contrastive loss —
 * under 1% of the learner's F at the lab's sizes (E = 32, B ≤ 256).
 */
export function twoTowerForwardFlops(
  image: VitSpec,
  input: Pick<InputShape, 'imageSize' | 'channels'>,
  text: TextShape,
  embeddingDim: number,
): { image: Flops; text: Flops; total: Flops } {
  const imageMacs = vitForwardMacs(image, { ...input, numClasses: embeddingDim }).total;
  const textMacs = textTowerMacs(textTowerSpec(image, text, embeddingDim)).total;
  return { image: flops(2 * imageMacs), text: flops(2 * textMacs), total: flops(2 * (imageMacs + textMacs)) };
}
