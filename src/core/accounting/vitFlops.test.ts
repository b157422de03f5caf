import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { VisionTransformer } from '../models/vit';
import { VIT_VARIANTS, vitSpec, type VitSpec } from '../models/vitVariants';
import { profiledMatMulMacs } from '../testing/profiledMacs';
import { switchToTestBackend } from '../testing/testBackend';
import { vitForwardFlops, vitForwardMacs } from './vitFlops';

const input = { imageSize: 16, channels: 1, numClasses: 10 };

describe('ViT forward FLOPs', () => {
  beforeAll(() => switchToTestBackend('cpu'));

  it('equals a hand count for a small config', () => {
    // 8×8 image, patch 4 → T = 4 patches, T' = 5 tokens; D = 8, depth 1, r = 2, K = 3.
    const spec: VitSpec = { name: 'micro', size: 'Mu', patch: 4, pool: 'cls', width: 8, depth: 1, heads: 2, mlpRatio: 2 };
    const macs = vitForwardMacs(spec, { imageSize: 8, channels: 1, numClasses: 3 });
    expect(macs.patchEmbed).toBe(4 * 16 * 8); // T·P²·C·D = 512
    // 3T'D² + T'²D + T'²D + T'D² + 2rT'D² = 960 + 200 + 200 + 320 + 1280
    expect(macs.perBlock).toBe(2960);
    expect(macs.head).toBe(24);
    expect(vitForwardFlops(spec, { imageSize: 8, channels: 1, numClasses: 3 })).toBe(2 * (512 + 2960 + 24));
  });

  it.each(VIT_VARIANTS)('matches the multiply-accumulates of the matmuls tfjs actually runs (%s)', async (variant) => {
    const model = new VisionTransformer(vitSpec(variant), input, 1);
    const batch = 2;
    const x = tf.zeros([batch, 256]) as tf.Tensor2D;
    expect(await profiledMatMulMacs(() => model.logits(x))).toBe(batch * vitForwardMacs(vitSpec(variant), input).total);
    x.dispose();
    model.dispose();
  });

  it('the ladder spans at least 1000× from the largest learner to the smallest scorer', () => {
    const flops = VIT_VARIANTS.map((v) => vitForwardFlops(vitSpec(v), input));
    expect(Math.max(...flops) / Math.min(...flops)).toBeGreaterThanOrEqual(1000);
    // The default learner is 100–1000× the Mu scorer, as in the paper's ladder.
    const ratio = vitForwardFlops(vitSpec('ViT-S/4'), input) / vitForwardFlops(vitSpec('ViT-Mu/8'), input);
    expect(ratio).toBeGreaterThan(100);
    expect(ratio).toBeLessThan(1000);
  });
});
