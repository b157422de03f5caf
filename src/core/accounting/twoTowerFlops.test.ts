import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPTION_LENGTH, CAPTION_VOCABULARY, shapeCaptionTable } from '../data/shapeCaptions';
import { TwoTowerModel } from '../models/twoTowerModel';
import { VIT_VARIANTS, vitSpec, type VitSpec } from '../models/vitVariants';
import { profiledMatMulMacs } from '../testing/profiledMacs';
import { switchToTestBackend } from '../testing/testBackend';
import { textTowerMacs, textTowerSpec, twoTowerForwardFlops } from './twoTowerFlops';

const text = { vocabulary: CAPTION_VOCABULARY.length, length: CAPTION_LENGTH };
const image = { imageSize: 16, channels: 1 };

describe('two-tower forward FLOPs (image tower + text tower)', () => {
  beforeAll(() => switchToTestBackend('cpu'));

  it('equal a hand count for a small config', () => {
    // Image: 8×8, patch 4 → T = 4, T' = 5; D = 8, depth 1, r = 2; head projects to E = 4.
    const spec: VitSpec = { name: 'micro', size: 'Mu', patch: 4, pool: 'cls', width: 8, depth: 1, heads: 2, mlpRatio: 2 };
    // Text: L = 3 tokens of a 5-word vocabulary, width D = 8 (the image tower's), r = 2, E = 4.
    const macs = textTowerMacs(textTowerSpec(spec, { vocabulary: 5, length: 3 }, 4));
    expect(macs.embed).toBe(3 * 5 * 8); // L·V·D = 120 (one-hot matmul)
    expect(macs.mlp).toBe(2 * 2 * 3 * 8 * 8); // 2·r·L·D² = 768
    expect(macs.projection).toBe(8 * 4); // D·E = 32
    const f = twoTowerForwardFlops(spec, { imageSize: 8, channels: 1 }, { vocabulary: 5, length: 3 }, 4);
    // Image tower: patch embed 512 + block 2960 (as in the ViT hand count) + projection D·E = 32.
    expect(f.image).toBe(2 * (512 + 2960 + 32));
    expect(f.text).toBe(2 * (120 + 768 + 32));
    expect(f.total).toBe(f.image + f.text);
  });

  it.each(VIT_VARIANTS)('match the multiply-accumulates of the matmuls tfjs actually runs, both towers (%s)', async (variant) => {
    const E = 32;
    const model = new TwoTowerModel(vitSpec(variant), image, text, E, 1);
    const batch = 2;
    const captions = shapeCaptionTable();
    const images = tf.zeros([batch, 256]) as tf.Tensor2D;
    const tokens = tf.tensor2d(captions.tokens.subarray(0, batch * CAPTION_LENGTH), [batch, CAPTION_LENGTH], 'int32');
    const expected = twoTowerForwardFlops(vitSpec(variant), image, text, E);
    expect(2 * (await profiledMatMulMacs(() => model.embedImages(images)))).toBe(batch * expected.image);
    expect(2 * (await profiledMatMulMacs(() => model.embedTexts(tokens)))).toBe(batch * expected.text);
    tf.dispose([images, tokens]);
    model.dispose();
  });

  it('the text tower is a small share of every rung, so the ladder keeps its ≥ 1000× span', () => {
    const flops = VIT_VARIANTS.map((v) => twoTowerForwardFlops(vitSpec(v), image, text, 32));
    for (const f of flops) expect(f.text / f.total).toBeLessThan(0.25);
    const totals = flops.map((f) => f.total);
    expect(Math.max(...totals) / Math.min(...totals)).toBeGreaterThanOrEqual(1000);
  });
});
