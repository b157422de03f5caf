import { flops, type Flops } from './units';
import type { VitSpec } from '../models/vitVariants';
import type { InputShape } from '../models/inputShape';

/**
 * Forward multiply-accumulates per example, term by term as in docs/architecture.md ("Formulas").
 * Excluded (documented choice): LayerNorm, softmax, GELU, bias and position-embedding adds —
 * elementwise work that is O(T·D) against the O(T·D²) matmuls.
 */
export function vitForwardMacs(spec: VitSpec, input: InputShape) {
  const D = spec.width;
  const P = spec.patch;
  const T = (input.imageSize / P) ** 2; // patches
  const tokens = T + (spec.pool === 'cls' ? 1 : 0); // T' = T (+1 class token)
  const patchEmbed = T * P * P * input.channels * D;
  const qkv = 3 * tokens * D * D;
  const scores = tokens * tokens * D;
  const attentionValues = tokens * tokens * D;
  const output = tokens * D * D;
  const mlp = 2 * spec.mlpRatio * tokens * D * D;
  const perBlock = qkv + scores + attentionValues + output + mlp;
  const head = D * input.numClasses;
  return { patchEmbed, perBlock, blocks: spec.depth * perBlock, head, total: patchEmbed + spec.depth * perBlock + head };
}

/** F(m): forward FLOPs per example = 2 × MACs. A training example costs 3F (backward = 2F). */
export function vitForwardFlops(spec: VitSpec, input: InputShape): Flops {
  return flops(2 * vitForwardMacs(spec, input).total);
}
