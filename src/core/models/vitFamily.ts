import { vitForwardFlops } from '../accounting/vitFlops';
import type { ModelFamily } from './modelRegistry';
import { VisionTransformer } from './vit';
import { VIT_VARIANTS, parseVitVariant, vitSpec } from './vitVariants';

export const vitFamily: ModelFamily = {
  prefix: 'ViT-',
  variants: VIT_VARIANTS,
  validate: (variant) => {
    const parsed = parseVitVariant(variant);
    return parsed.ok ? { ok: true } : parsed;
  },
  forwardFlops: (variant, input) => vitForwardFlops(vitSpec(variant), input),
  create: (variant, input, seed) => new VisionTransformer(vitSpec(variant), input, seed),
};
