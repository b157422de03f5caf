import type { InputShape } from './inputShape';
import type { Flops } from '../accounting/units';
import type { ImageClassifier } from './imageClassifier';
import { vitFamily } from './vitFamily';

/** A model family: parses its variant strings, counts its FLOPs, builds instances. */
export interface ModelFamily {
  /** Variant strings of this family start with this prefix, e.g. "ViT-". */
  prefix: string;
  variants: readonly string[];
  validate(variant: string): { ok: true } | { ok: false; message: string };
  forwardFlops(variant: string, input: InputShape): Flops;
  create(variant: string, input: InputShape, seed: number): ImageClassifier;
}

/** Flat registry: a new architecture is one file plus one line here. */
export const MODEL_FAMILIES: readonly ModelFamily[] = [vitFamily];

export const MODEL_VARIANTS: readonly string[] = MODEL_FAMILIES.flatMap((f) => f.variants);

function familyOf(variant: string): ModelFamily | undefined {
  return MODEL_FAMILIES.find((f) => variant.startsWith(f.prefix));
}

export function validateModelVariant(variant: string): { ok: true } | { ok: false; message: string } {
  const family = familyOf(variant);
  if (!family) return { ok: false, message: `"${variant}" names no known model family; allowed: ${MODEL_VARIANTS.join(', ')}` };
  return family.validate(variant);
}

function requireFamily(variant: string): ModelFamily {
  const family = familyOf(variant);
  const valid = validateModelVariant(variant);
  if (!family || !valid.ok) throw new Error(valid.ok ? `unknown model "${variant}"` : valid.message);
  return family;
}

export function modelForwardFlops(variant: string, input: InputShape): Flops {
  return requireFamily(variant).forwardFlops(variant, input);
}

export function createModel(variant: string, input: InputShape, seed: number): ImageClassifier {
  return requireFamily(variant).create(variant, input, seed);
}
