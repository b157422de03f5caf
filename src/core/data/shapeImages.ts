import type { Rng } from '../random/rng';
import { captionParts, SHADES, type Shape, SHAPES } from './shapeCaptions';

/**
 * Renders a captioned-shapes image: a 16×16 grey field with one shape (6 px across) in one quadrant,
 * jittered ±1 px, bright (+A) or dark (−A) on a zero background, plus Gaussian pixel noise σ. The
 * first half of the shapes (square, cross) get σ = pixelNoise, the second (disc, ring) σ = hardPixelNoise:
 * mixed difficulty, and the hard half are the shapes a noisy eye confuses.
 */
export const SHAPE_IMAGE_SIZE = 16;
const AMPLITUDE = 2;
const JITTER = 1;

export interface ShapeNoise {
  pixelNoise: number;
  hardPixelNoise: number;
}

/** Whether pixel offset (dx, dy) from the shape's centre is inside the shape (offsets are half-integers). */
export function insideShape(shape: Shape, dx: number, dy: number): boolean {
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  const r = Math.hypot(dx, dy);
  switch (shape) {
    case 'square':
      return Math.max(ax, ay) <= 2.5; // 6×6 filled
    case 'cross':
      return (ax <= 0.5 && ay <= 2.5) || (ay <= 0.5 && ax <= 2.5); // a plus, arms 2 px thick
    case 'disc':
      return r <= 2.6;
    case 'ring':
      return r >= 1.6 && r <= 3; // hollow circle
  }
}

export function shapeNoiseFor(captionIdValue: number, noise: ShapeNoise): number {
  return captionParts(captionIdValue).shape < SHAPES.length / 2 ? noise.pixelNoise : noise.hardPixelNoise;
}

/** Draws the image of caption `id` into `out` at `offset` ([S·S] row-major). */
export function renderShape(id: number, noise: ShapeNoise, rng: Rng, out: Float32Array, offset: number): void {
  const { shape, position, shade } = captionParts(id);
  const size = SHAPE_IMAGE_SIZE;
  const half = size / 2;
  const cx = (position % 2) * half + (half - 1) / 2 + rng.int(2 * JITTER + 1) - JITTER;
  const cy = Math.floor(position / 2) * half + (half - 1) / 2 + rng.int(2 * JITTER + 1) - JITTER;
  const value = (SHADES[shade] === 'bright' ? 1 : -1) * AMPLITUDE;
  const sigma = shapeNoiseFor(id, noise);
  const name = SHAPES[shape] as Shape;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      out[offset + y * size + x] = (insideShape(name, x - cx, y - cy) ? value : 0) + sigma * rng.normal();
    }
  }
}
