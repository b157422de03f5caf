/**
 * ViT size ladder, named like big_vision ("S/4" = size S, patch 4). Widths are multiples of 4 (vec4
 * matmuls on WebGPU). From the largest learner (B) to the tiniest scorer (Mu) forward FLOPs span
 * > 1000× on 16×16 images; S (the default learner) is ~700× Mu.
 */
export interface VitSize {
  width: number;
  depth: number;
  heads: number;
  mlpRatio: number;
}

export const VIT_SIZES = {
  B: { width: 96, depth: 4, heads: 4, mlpRatio: 2 },
  S: { width: 48, depth: 3, heads: 4, mlpRatio: 2 },
  Ti: { width: 32, depth: 2, heads: 2, mlpRatio: 2 },
  Mi: { width: 16, depth: 1, heads: 2, mlpRatio: 2 },
  Mu: { width: 4, depth: 1, heads: 1, mlpRatio: 2 },
} as const satisfies Record<string, VitSize>;

export type VitSizeName = keyof typeof VIT_SIZES;

export interface VitSpec extends VitSize {
  name: string;
  size: VitSizeName;
  patch: number;
  pool: 'cls' | 'mean';
}

/** The variant strings offered in pickers, largest first. */
export const VIT_VARIANTS = ['ViT-B/4', 'ViT-S/4', 'ViT-Ti/4', 'ViT-Mi/4', 'ViT-Mi/8', 'ViT-Mu/4', 'ViT-Mu/8'] as const;

const VARIANT_PATTERN = /^ViT-([A-Za-z]+)\/(\d+)$/;

export type VariantParse = { ok: true; spec: VitSpec } | { ok: false; message: string };

/** "ViT-S/4" → its spec; anything else → a message listing what is allowed. */
export function parseVitVariant(variant: string): VariantParse {
  const match = VARIANT_PATTERN.exec(variant.trim());
  const sizes = Object.keys(VIT_SIZES).join(', ');
  if (!match)
    return { ok: false, message: `"${variant}" is not a ViT variant; expected ViT-<size>/<patch> with size one of ${sizes}, e.g. ViT-S/4` };
  const sizeName = match[1] as string;
  const patch = Number(match[2]);
  if (!Object.hasOwn(VIT_SIZES, sizeName))
    return { ok: false, message: `"${variant}": unknown size "${sizeName}"; allowed sizes: ${sizes}` };
  if (![2, 4, 8, 16].includes(patch))
    return { ok: false, message: `"${variant}": patch ${patch} not allowed; allowed patch sizes: 2, 4, 8, 16` };
  const size = VIT_SIZES[sizeName as VitSizeName];
  return { ok: true, spec: { name: `ViT-${sizeName}/${patch}`, size: sizeName as VitSizeName, patch, pool: 'cls', ...size } };
}

export function vitSpec(variant: string): VitSpec {
  const parsed = parseVitVariant(variant);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}
