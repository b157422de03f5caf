/**
 * The one image shape every lab dataset has: 16×16 grey. A source image of any size is area-resampled
 * to fit 14×14 (aspect ratio kept) and centred in the 16×16 frame with a zero border — for 28×28
 * MNIST this is exactly a 2×2 average pool, 14×14, zero-padded to 16×16.
 */
export const LAB_IMAGE_SIZE = 16;
export const LAB_CONTENT_SIZE = 14;
export const LAB_PIXELS = LAB_IMAGE_SIZE * LAB_IMAGE_SIZE;

/** One output index's source pixels and their weights (summing to 1). */
type Taps = { index: number; weight: number }[];

/** Area-resampling taps from `from` source pixels to `to` output pixels (down- or up-sampling). */
function axisTaps(from: number, to: number): Taps[] {
  const ratio = from / to;
  return Array.from({ length: to }, (_, o) => {
    const start = o * ratio;
    const end = (o + 1) * ratio;
    const taps: Taps = [];
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      if (overlap > 1e-12) taps.push({ index: s, weight: overlap / ratio });
    }
    return taps;
  });
}

export interface LabFrameLayout {
  /** Size of the resampled content inside the frame. */
  width: number;
  height: number;
  /** Top-left corner of the content in the 16×16 frame. */
  left: number;
  top: number;
  xTaps: Taps[];
  yTaps: Taps[];
}

/** How a width×height source maps into the frame; compute once per image size. */
export function labFrameLayout(width: number, height: number): LabFrameLayout {
  const scale = LAB_CONTENT_SIZE / Math.max(width, height);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const border = (LAB_IMAGE_SIZE - LAB_CONTENT_SIZE) / 2;
  return {
    width: w,
    height: h,
    left: border + Math.floor((LAB_CONTENT_SIZE - w) / 2),
    top: border + Math.floor((LAB_CONTENT_SIZE - h) / 2),
    xTaps: axisTaps(width, w),
    yTaps: axisTaps(height, h),
  };
}

/**
 * Writes one grey source image (row-major width×height at `source[offset…]`, values × `scale` give
 * intensities in [0, 1]) into `frame` (16×16, [0, 1]); the border stays 0.
 */
export function writeLabFrame(
  layout: LabFrameLayout,
  sourceWidth: number,
  source: ArrayLike<number>,
  offset: number,
  scale: number,
  frame: Float32Array,
): void {
  frame.fill(0);
  layout.yTaps.forEach((yTaps, oy) => {
    layout.xTaps.forEach((xTaps, ox) => {
      let sum = 0;
      for (const ty of yTaps) {
        const row = offset + ty.index * sourceWidth;
        for (const tx of xTaps) sum += ty.weight * tx.weight * (source[row + tx.index] as number);
      }
      frame[(layout.top + oy) * LAB_IMAGE_SIZE + layout.left + ox] = sum * scale;
    });
  });
}
