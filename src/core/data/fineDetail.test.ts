import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { buildSyntheticDataset } from './syntheticDataset';
import { classTemplates, DETAIL_AMPLITUDE } from './syntheticImages';

const SIZE = 16;
const K = 10;
const small = { ...DEFAULT_CONFIG, trainSize: 1000, heldOutSize: 300, testSize: 200, hardClassStyle: 'fine-detail' as const };

/** Mean |a − b| after a 4×4 box blur (what survives averaging over a patch) and without it. */
function differences(a: Float32Array, b: Float32Array, side: number): { coarse: number; fine: number } {
  let coarse = 0;
  let fine = 0;
  for (let y = 0; y + 4 <= side; y += 4) {
    for (let x = 0; x + 4 <= side; x += 4) {
      let d = 0;
      for (let dy = 0; dy < 4; dy++)
        for (let dx = 0; dx < 4; dx++) d += (a[(y + dy) * side + x + dx] as number) - (b[(y + dy) * side + x + dx] as number);
      coarse += Math.abs(d / 16);
    }
  }
  for (let i = 0; i < a.length; i++) fine = Math.max(fine, Math.abs((a[i] as number) - (b[i] as number)));
  return { coarse: coarse / (side / 4) ** 2, fine };
}

describe('fine-detail synthetic classes', () => {
  it('leaves the default templates and the easy half untouched', () => {
    const plain = classTemplates(SIZE, K, 3);
    expect(classTemplates(SIZE, K, 3, 'pixel-noise')).toEqual(plain);
    const fine = classTemplates(SIZE, K, 3, 'fine-detail');
    expect(fine.slice(0, K / 2)).toEqual(plain.slice(0, K / 2));
    expect(fine.slice(K / 2)).not.toEqual(plain.slice(K / 2));
  });

  it('hard classes share one coarse shape and differ in pixel-sized dots', () => {
    const t = classTemplates(SIZE, K, 3, 'fine-detail');
    const side = SIZE + 4;
    for (let c = K / 2 + 1; c < K; c++) {
      const hard = differences(t[K / 2] as Float32Array, t[c] as Float32Array, side);
      const easy = differences(t[0] as Float32Array, t[c - K / 2] as Float32Array, side);
      expect(hard.fine).toBeGreaterThan(DETAIL_AMPLITUDE / 2); // a dot is there
      expect(hard.coarse).toBeLessThan(easy.coarse / 3); // but blurred, the classes look alike
    }
  });

  it('is deterministic from the seed and balanced over the classes', () => {
    const a = buildSyntheticDataset({ ...small, labelNoise: 0.3 });
    const b = buildSyntheticDataset({ ...small, labelNoise: 0.3 });
    const c = buildSyntheticDataset({ ...small, labelNoise: 0.3, seed: 1 });
    expect(b.train.images).toEqual(a.train.images);
    expect(b.train.labels).toEqual(a.train.labels);
    expect(c.train.images).not.toEqual(a.train.images);
    for (const split of [a.train, a.test]) {
      const perClass = Array.from({ length: K }, (_, k) => split.trueLabels.filter((l) => l === k).length);
      expect(Math.max(...perClass) - Math.min(...perClass)).toBeLessThanOrEqual(split === a.test ? 1 : 0.15 * (split.count / K));
    }
  });
});
