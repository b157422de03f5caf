/**
 * The captioned-shapes vocabulary: every image shows one shape at one position in one shade, and its
 * caption names the three, e.g. "bright cross top-left". Caption id c = (shape·P + position)·S + shade,
 * so the captions of the first half of the shapes are the first half of the ids (the "easy" classes
 * of mixed difficulty, like the synthetic dataset's classes 0 … K/2−1).
 */
export const SHAPES = ['square', 'cross', 'disc', 'ring'] as const;
export const POSITIONS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export const SHADES = ['bright', 'dark'] as const;

export type Shape = (typeof SHAPES)[number];

/** Words in a fixed order: shades, shapes, positions. Token id = index here. */
export const CAPTION_VOCABULARY: readonly string[] = [...SHADES, ...SHAPES, ...POSITIONS];

/** Tokens per caption: [shade, shape, position]. */
export const CAPTION_LENGTH = 3;

export const CAPTION_COUNT = SHAPES.length * POSITIONS.length * SHADES.length;

export interface CaptionParts {
  shape: number;
  position: number;
  shade: number;
}

export function captionParts(id: number): CaptionParts {
  if (!Number.isInteger(id) || id < 0 || id >= CAPTION_COUNT) throw new Error(`caption id ${id} is out of range 0–${CAPTION_COUNT - 1}`);
  const shade = id % SHADES.length;
  const rest = (id - shade) / SHADES.length;
  const position = rest % POSITIONS.length;
  return { shape: (rest - position) / POSITIONS.length, position, shade };
}

export function captionId(parts: CaptionParts): number {
  return (parts.shape * POSITIONS.length + parts.position) * SHADES.length + parts.shade;
}

/** Token ids of one caption: [shade, shape, position]. */
export function captionTokens(id: number): number[] {
  const { shape, position, shade } = captionParts(id);
  return [shade, SHADES.length + shape, SHADES.length + SHAPES.length + position];
}

export function captionText(id: number): string {
  return captionTokens(id)
    .map((t) => CAPTION_VOCABULARY[t] as string)
    .join(' ');
}

/** What the text tower reads: the token ids of every caption, [K·L] row-major, with the vocabulary. */
export interface CaptionTable {
  vocabulary: readonly string[];
  /** L: tokens per caption. */
  length: number;
  /** K·L token ids; row c is caption id c. */
  tokens: Int32Array;
}

export function shapeCaptionTable(): CaptionTable {
  const tokens = new Int32Array(CAPTION_COUNT * CAPTION_LENGTH);
  for (let c = 0; c < CAPTION_COUNT; c++) tokens.set(captionTokens(c), c * CAPTION_LENGTH);
  return { vocabulary: CAPTION_VOCABULARY, length: CAPTION_LENGTH, tokens };
}
