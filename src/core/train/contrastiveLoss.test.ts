import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { switchToTestBackend } from '../testing/testBackend';
import { negativePairSimilarity, symmetricInfoNce } from './contrastiveLoss';

// Three unit-length pairs in 2-D and logit scale s = 2. Cosines ẑ_I·ẑ_T (rows: images, columns: captions):
//   [1, 0]     · [0.8, 0.6], [0, 1], [0.28, 0.96] → 0.8, 0,   0.28
//   [0, 1]     ·  〃                              → 0.6, 1,   0.96
//   [0.6, 0.8] ·  〃                              → 0.96, 0.8, 0.936
const images = [
  [1, 0],
  [0, 1],
  [0.6, 0.8],
];
const texts = [
  [0.8, 0.6],
  [0, 1],
  [0.28, 0.96],
];
const scale = 2;
const cosines = [
  [0.8, 0, 0.28],
  [0.6, 1, 0.96],
  [0.96, 0.8, 0.936],
];

/** −log softmax(scale·values)[index], by hand. */
function crossEntropy(values: number[], index: number): number {
  const sumExp = values.reduce((s, v) => s + Math.exp(scale * v), 0);
  return Math.log(sumExp) - scale * (values[index] as number);
}

describe('symmetric InfoNCE and the per-pair scorer loss (hand-computed 3-pair batch)', () => {
  beforeAll(() => switchToTestBackend('cpu'));

  it('the contrastive loss is ½(mean row CE + mean column CE) of s·ẑ_I·ẑ_Tᵀ with positives on the diagonal', async () => {
    const rows = [0, 1, 2].map((i) => crossEntropy(cosines[i] as number[], i));
    const columns = [0, 1, 2].map((j) => crossEntropy([0, 1, 2].map((i) => cosines[i]![j] as number), j));
    const expected = (rows.reduce((a, b) => a + b) / 3 + columns.reduce((a, b) => a + b) / 3) / 2;
    // By hand: rows 0.7797, columns 0.8487 (they differ: the two directions are not interchangeable).
    expect(rows.reduce((a, b) => a + b) / 3).toBeCloseTo(0.7797, 4);
    expect(columns.reduce((a, b) => a + b) / 3).toBeCloseTo(0.8487, 4);
    const loss = tf.tidy(() => symmetricInfoNce(tf.tensor2d(images), tf.tensor2d(texts), scale));
    expect((await loss.data())[0]).toBeCloseTo(expected, 5);
    expect(expected).toBeCloseTo(0.8142, 4);
    loss.dispose();
  });

  it('swapping the towers leaves the symmetric loss unchanged; label smoothing raises it on a confident batch', async () => {
    const [swapped, plain, smoothed] = tf.tidy(() => [
      symmetricInfoNce(tf.tensor2d(texts), tf.tensor2d(images), scale),
      symmetricInfoNce(tf.tensor2d(images), tf.tensor2d(images), 20),
      symmetricInfoNce(tf.tensor2d(images), tf.tensor2d(images), 20, 0.1),
    ]);
    const loss = tf.tidy(() => symmetricInfoNce(tf.tensor2d(images), tf.tensor2d(texts), scale));
    expect((await swapped!.data())[0]).toBeCloseTo((await loss.data())[0] as number, 6);
    expect((await smoothed!.data())[0]).toBeGreaterThan((await plain!.data())[0] as number);
    tf.dispose([swapped!, plain!, smoothed!, loss]);
  });

  it('the scorer loss is −ẑ_I·ẑ_T of each pair alone: the diagonal, negated, whatever the rest of the batch', async () => {
    const losses = tf.tidy(() => negativePairSimilarity(tf.tensor2d(images), tf.tensor2d(texts)));
    const values = Array.from(await losses.data());
    expect(values.map((v) => +v.toFixed(6))).toEqual([0, 1, 2].map((i) => -(cosines[i]![i] as number)));
    const alone = tf.tidy(() => negativePairSimilarity(tf.tensor2d([images[2]!]), tf.tensor2d([texts[2]!])));
    expect((await alone.data())[0]).toBeCloseTo(values[2] as number, 6);
    tf.dispose([losses, alone]);
  });
});
