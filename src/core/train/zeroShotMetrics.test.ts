import { describe, expect, it } from 'vitest';
import { zeroShotMetrics } from './zeroShotMetrics';

// Four test images, captions [0, 0, 1, 2]; three prompts. Rows: an image's cosine to prompts 0, 1, 2.
const labels = Int32Array.from([0, 0, 1, 2]);
const sims = Float32Array.from([
  0.9,
  0.1,
  0.0, // image 0 (caption 0): prompt 0 best — hit
  0.2,
  0.5,
  0.1, // image 1 (caption 0): prompt 1 best — miss
  0.1,
  0.8,
  0.3, // image 2 (caption 1): prompt 1 best — hit
  0.3,
  0.0,
  0.2, // image 3 (caption 2): prompt 0 best — miss
]);

describe('zero-shot accuracy and recall@1', () => {
  it('equal a hand count', () => {
    const m = zeroShotMetrics(sims, labels, 3, 1);
    expect(m.accuracy).toBe(2 / 4);
    expect(m.retrieval?.imageToText).toBe(2 / 4); // every caption occurs in the test split: same as accuracy
    // text→image: caption 0's best image is image 0 (0.9) ✓ (counted for both images captioned 0);
    // caption 1's best is image 2 (0.8) ✓; caption 2's best is image 2 (0.3), captioned 1 ✗.
    expect(m.retrieval?.textToImage).toBe(3 / 4);
    const ce = (row: number[], y: number) => Math.log(row.reduce((s, v) => s + Math.exp(v), 0)) - (row[y] as number);
    const rows = [0, 1, 2, 3].map((i) => Array.from(sims.subarray(3 * i, 3 * i + 3)));
    expect(m.loss).toBeCloseTo(rows.reduce((s, row, i) => s + ce(row, labels[i] as number), 0) / 4, 5);
  });

  it('image→text retrieval only ranks the captions the test split holds', () => {
    const twoCaptions = Int32Array.from([0, 0, 1, 1]);
    // Image 3 prefers prompt 0 (0.3) — a caption in the split; prompt 2 is absent and cannot be retrieved.
    const m = zeroShotMetrics(Float32Array.from([0.1, 0.0, 0.9, 0.9, 0.0, 0.0, 0.0, 0.8, 0.1, 0.3, 0.2, 0.0]), twoCaptions, 3, 1);
    expect(m.accuracy).toBe(2 / 4); // images 0 (prompt 2) and 3 (prompt 0) miss
    expect(m.retrieval?.imageToText).toBe(3 / 4); // image 0 now retrieves caption 0
  });

  it('names the mismatch when the similarity matrix has the wrong size', () => {
    expect(() => zeroShotMetrics(new Float32Array(5), labels, 3, 1)).toThrow('zeroShotMetrics: 5 similarities for 4 images × 3 prompts');
  });
});
