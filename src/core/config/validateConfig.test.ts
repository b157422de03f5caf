import { describe, expect, it } from 'vitest';
import { parseFieldValue } from './configSchema';
import { DEFAULT_CONFIG } from './experimentConfig';
import { PRESETS, PRESET_NAMES } from './presets';
import { validateConfig } from './validateConfig';

function errorsOf(input: unknown): string[] {
  const result = validateConfig(input);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('validateConfig', () => {
  it('accepts the defaults and fills in what is missing', () => {
    const result = validateConfig({ steps: 10, evalEvery: 5 });
    expect(result).toEqual({ ok: true, config: { ...DEFAULT_CONFIG, steps: 10, evalEvery: 5, policies: ['uniform'] } });
  });

  it.each([
    [{ labelNoise: 1.5 }, 'labelNoise: 1.5 is not allowed; expected a number from 0 to 0.9'],
    [{ steps: 0 }, 'steps: 0 is not allowed; expected an integer from 1 to 100000'],
    [{ batchSize: 12.5 }, 'batchSize: 12.5 is not allowed; expected an integer from 2 to 1024'],
    [{ dataset: 'cifar' }, 'dataset: "cifar" is not allowed; expected one of synthetic, mnist, fashion-mnist'],
    [
      { policies: ['uniform', 'greedy'] },
      'policies: ["uniform","greedy"] is not allowed; expected a comma-separated list of uniform, hard, easy, learnability, rho',
    ],
    [{ learner: 'ResNet-50' }, 'learner: "ResNet-50" names no known model family'],
    [{ scorer: 'ViT-Q/4' }, 'scorer: "ViT-Q/4": unknown size "Q"; allowed sizes: B, S, Ti, Mi, Mu'],
    [{ temperature: Number.NaN }, 'temperature: NaN is not a number; expected a number from 0 to 100'],
    [{ corruptHeldOut: 'yes' }, 'corruptHeldOut: "yes" is not allowed; expected true or false'],
    [{ embeddingDim: 30 }, 'embeddingDim: 30 is not allowed; expected a multiple of 4 from 4 to 256'],
    [{ embeddingDim: 512 }, 'embeddingDim: 512 is not allowed; expected a multiple of 4 from 4 to 256'],
    [{ embeddingDim: 0 }, 'embeddingDim: 0 is not allowed; expected a multiple of 4 from 4 to 256'],
    [{ referenceBatchFactor: 0 }, 'referenceBatchFactor: 0 is not allowed; expected an integer from 1 to 32'],
    [{ referenceBatchFactor: 2.5 }, 'referenceBatchFactor: 2.5 is not allowed; expected an integer from 1 to 32'],
    [{ lr: 0.1 }, 'lr: unknown setting; known settings: dataset, trainSize'],
  ])('names the field, the value and the allowed range: %j', (input, expected) => {
    expect(errorsOf(input).join('\n')).toContain(expected);
  });

  it('checks combinations of fields', () => {
    expect(errorsOf({ labelNoise: 0.5, unlearnableFraction: 0.5 }).join('\n')).toContain('their sum must be at most 0.9');
    expect(errorsOf({ trainSize: 256, batchSize: 200 }).join('\n')).toContain('batchSize: super-batch B = b·ρ = 400 exceeds trainSize 256');
    expect(errorsOf({ batchSize: 5, filterRatio: 1.5 }).join('\n')).toContain(
      'filterRatio: 1.5 × batchSize 5 = 7.5 is not a whole super-batch',
    );
    expect(errorsOf({ steps: 10, evalEvery: 50 }).join('\n')).toContain('evalEvery: 50 exceeds steps 10');
    expect(errorsOf({ policies: ['learnability'], heldOutSize: 10 }).join('\n')).toContain(
      'heldOutSize: 10 is smaller than one reference pretraining batch',
    );
    const online = { policies: ['learnability'], referenceMode: 'online', trainSize: 1000, batchSize: 64 };
    expect(errorsOf({ ...online, referenceBatchFactor: 16 })).toEqual([
      'referenceBatchFactor: 16 × batchSize 64 = 1024 exceeds trainSize 1000; allowed referenceBatchFactor ≤ 15 with an online reference',
    ]);
    expect(errorsOf({ ...online, referenceBatchFactor: 15 })).toEqual([]);
    expect(errorsOf({ ...online, referenceBatchFactor: 16, referenceMode: 'held-out' })).toEqual([]);
  });

  it('accepts the image–caption dataset and every preset, the ActiveCLIP one included', () => {
    expect(validateConfig({ dataset: 'captioned-shapes', embeddingDim: 64 }).ok).toBe(true);
    for (const name of PRESET_NAMES) expect(validateConfig({ ...PRESETS[name].config }).ok, name).toBe(true);
    expect(PRESETS['activeclip-noisy'].config.dataset).toBe('captioned-shapes');
  });

  it('never throws on garbage', () => {
    for (const input of [null, 3, 'x', [], { steps: {} }, { policies: 'hard' }, { seed: -1 }]) {
      const result = validateConfig(input);
      expect(result.ok).toBe(false);
    }
  });
});

describe('parseFieldValue (CLI flags, URL keys)', () => {
  it('parses numbers, booleans and lists from strings', () => {
    expect(parseFieldValue('labelNoise', '0.3')).toEqual({ ok: true, value: 0.3 });
    expect(parseFieldValue('corruptHeldOut', 'true')).toEqual({ ok: true, value: true });
    expect(parseFieldValue('policies', 'uniform, learnability')).toEqual({ ok: true, value: ['uniform', 'learnability'] });
  });
  it('rejects with the raw text in the message', () => {
    expect(parseFieldValue('steps', 'many')).toEqual({
      ok: false,
      message: 'steps: "many" is not allowed; expected an integer from 1 to 100000',
    });
    expect(parseFieldValue('embeddingDim', '30')).toEqual({
      ok: false,
      message: 'embeddingDim: "30" is not allowed; expected a multiple of 4 from 4 to 256',
    });
    expect(parseFieldValue('embeddingDim', '48')).toEqual({ ok: true, value: 48 });
  });
});
