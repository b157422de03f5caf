import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { switchToTestBackend } from '../testing/testBackend';
import { perExampleCrossEntropy } from '../train/losses';
import { VisionTransformer } from './vit';
import type { VitSpec } from './vitVariants';

const micro: VitSpec = { name: 'micro', size: 'Mu', patch: 4, pool: 'cls', width: 8, depth: 1, heads: 2, mlpRatio: 2 };
const input = { imageSize: 8, channels: 1, numClasses: 3 };

describe('ViT gradients', () => {
  beforeAll(() => switchToTestBackend('cpu'));

  it('match central finite differences on a micro config', async () => {
    const model = new VisionTransformer(micro, input, 3);
    const rng = createRng(9);
    // Randomise every parameter at unit scale: the zero head (big_vision init) would zero every other
    // gradient, and a near-zero class token makes LayerNorm too curved for finite differences.
    for (const v of model.params.values()) {
      v.assign(
        tf.tensor(
          Array.from({ length: v.size }, () => 0.5 * rng.normal()),
          v.shape,
        ),
      );
    }
    const x = tf.tensor2d(
      Array.from({ length: 4 * 64 }, () => rng.normal()),
      [4, 64],
    );
    const y = tf.tensor1d([0, 1, 2, 1], 'int32');
    const lossOf = () => tf.tidy(() => tf.sum(perExampleCrossEntropy(model.logits(x), y)));
    const variables = [...model.params.values()];
    const { grads } = tf.variableGrads(() => lossOf() as tf.Scalar, variables);
    const h = 5e-3;
    let checked = 0;
    for (const [name, v] of model.params) {
      const analytic = await grads[v.name]!.data();
      const values = await v.data();
      for (const i of [0, Math.floor(v.size / 2), v.size - 1]) {
        const original = values[i] as number;
        const perturbed = (delta: number) => {
          const copy = Float32Array.from(values);
          copy[i] = original + delta;
          v.assign(tf.tensor(copy, v.shape));
          const l = lossOf();
          const out = l.dataSync()[0] as number;
          l.dispose();
          return out;
        };
        const numeric = (perturbed(h) - perturbed(-h)) / (2 * h);
        v.assign(tf.tensor(values, v.shape));
        const a = analytic[i] as number;
        expect(Math.abs(a - numeric), `${name}[${i}]: analytic ${a}, numeric ${numeric}`).toBeLessThanOrEqual(
          2e-3 + 2e-2 * Math.abs(numeric),
        );
        checked++;
      }
    }
    expect(checked).toBe(3 * model.params.size);
    tf.dispose(grads);
    model.dispose();
  });

  it('uses the class token when pool = cls and the mean when pool = mean', () => {
    const cls = new VisionTransformer(micro, input, 1);
    const mean = new VisionTransformer({ ...micro, pool: 'mean' }, input, 1);
    expect(cls.params.has('cls')).toBe(true);
    expect(mean.params.has('cls')).toBe(false);
    expect(cls.params.get('pos')!.shape).toEqual([5, 8]);
    expect(mean.params.get('pos')!.shape).toEqual([4, 8]);
    cls.dispose();
    mean.dispose();
  });

  it('rejects shapes it cannot patchify, naming the problem', () => {
    expect(() => new VisionTransformer({ ...micro, patch: 3 }, input, 1)).toThrow(/not a multiple of patch 3/);
  });
});
