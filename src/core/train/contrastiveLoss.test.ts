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
    const columns = [0, 1, 2].map((j) =>
      crossEntropy(
        [0, 1, 2].map((i) => cosines[i]![j] as number),
        j,
      ),
    );
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

  it('a repeated caption is a positive, not a negative: the loss equals multi-positive InfoNCE, in value and gradient', async () => {
    // Pairs 0 and 2 share a caption (id 0), so they share a text embedding: [0.8, 0.6]. Cosines:
    //   image [1, 0]     · captions 0, 1, 0 → 0.8,  0, 0.8
    //   image [0, 1]     ·                  → 0.6,  1, 0.6
    //   image [0.6, 0.8] ·                  → 0.96, 0.8, 0.96
    // Multi-positive targets spread each row (and column) over every pair with its caption: row 0 and
    // row 2 put ½ on pairs 0 and 2, row 1 puts 1 on pair 1. By hand: rows 0.7893, 0.6411, 1.0029
    // (mean 0.8111), columns 0.9543, 0.5909, 0.9543 (mean 0.8332), loss 0.8221.
    const repeated = [
      [0.8, 0, 0.8],
      [0.6, 1, 0.6],
      [0.96, 0.8, 0.96],
    ];
    const targets = [
      [0.5, 0, 0.5],
      [0, 1, 0],
      [0.5, 0, 0.5],
    ];
    const softCrossEntropy = (values: number[], target: number[]) =>
      Math.log(values.reduce((s, v) => s + Math.exp(scale * v), 0)) - values.reduce((s, v, j) => s + (target[j] as number) * scale * v, 0);
    const rows = [0, 1, 2].map((i) => softCrossEntropy(repeated[i]!, targets[i]!));
    const columns = [0, 1, 2].map((j) =>
      softCrossEntropy(
        [0, 1, 2].map((i) => repeated[i]![j]!),
        [0, 1, 2].map((i) => targets[i]![j]!),
      ),
    );
    expect(rows.map((v) => +v.toFixed(4))).toEqual([0.7893, 0.6411, 1.0029]);
    expect(columns.map((v) => +v.toFixed(4))).toEqual([0.9543, 0.5909, 0.9543]);
    const multiPositive = (rows.reduce((a, b) => a + b) / 3 + columns.reduce((a, b) => a + b) / 3) / 2;
    expect(multiPositive).toBeCloseTo(0.8221, 4);

    // The learner's loss on that batch: its texts come from caption ids, as in the two-tower model, so
    // pairs with one caption have one embedding and their logits tie. Equal value...
    const captionEmbeddings = tf.variable(tf.tensor2d([texts[0]!, texts[1]!])); // [captions, E]
    const ids = tf.tensor1d([0, 1, 0], 'int32');
    const imageEmbeddings = tf.variable(tf.tensor2d(images));
    const loss = () => symmetricInfoNce(imageEmbeddings, tf.gather(captionEmbeddings, ids) as tf.Tensor2D, scale);
    const value = tf.tidy(loss);
    expect((await value.data())[0]).toBeCloseTo(multiPositive, 5);
    // ...and equal gradient: d/dz of Σ_rows −log p_i is softmax − e_i; with the tied logits z_i0 = z_i2 the
    // caption receives p_0 + p_2 − 1 from row 0, exactly what targets ½, ½ give ((p_0 − ½) + (p_2 − ½)).
    const multiPositiveLoss = () => {
      const logits = tf.mul(
        tf.matMul(imageEmbeddings, tf.gather(captionEmbeddings, ids) as tf.Tensor2D, false, true),
        scale,
      ) as tf.Tensor2D;
      const t = tf.tensor2d(targets);
      const rowLoss = tf.mean(tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(logits)), 1)));
      const columnLoss = tf.mean(tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(tf.transpose(logits))), 1)));
      return tf.mul(tf.add(rowLoss, columnLoss), 0.5) as tf.Scalar;
    };
    const ours = tf.variableGrads(loss, [imageEmbeddings, captionEmbeddings]);
    const theirs = tf.variableGrads(multiPositiveLoss, [imageEmbeddings, captionEmbeddings]);
    expect((await theirs.value.data())[0]).toBeCloseTo(multiPositive, 5);
    for (const v of [imageEmbeddings, captionEmbeddings]) {
      const a = Array.from(await ours.grads[v.name]!.data());
      const b = Array.from(await theirs.grads[v.name]!.data());
      expect(a.map((x) => +x.toFixed(5))).toEqual(b.map((x) => +x.toFixed(5)));
      expect(a.some((x) => Math.abs(x) > 0.01)).toBe(true);
    }
    tf.dispose([
      value,
      ours.value,
      theirs.value,
      ...Object.values(ours.grads),
      ...Object.values(theirs.grads),
      ids,
      captionEmbeddings,
      imageEmbeddings,
    ]);
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
