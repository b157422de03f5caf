import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../core/config/configSchema';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../core/config/experimentConfig';
import { DEFAULT_PRESET, PRESETS, PRESET_NAMES } from '../../core/config/presets';
import { validateConfig } from '../../core/config/validateConfig';
import { createRng } from '../../core/random/rng';
import { baseConfigFor, configFromSearch, configToSearch } from './urlConfig';

/** Every key differs from DEFAULT_CONFIG and from the default preset. */
const EVERY_KEY_CHANGED: ExperimentConfig = {
  dataset: 'fashion-mnist',
  trainSize: 5000,
  heldOutSize: 1500,
  testSize: 700,
  pixelNoise: 0.25,
  hardPixelNoise: 1.75,
  hardClassStyle: 'fine-detail',
  labelNoise: 0.15,
  noiseKind: 'asymmetric',
  duplicateFraction: 0.1,
  unlearnableFraction: 0.05,
  classImbalance: 3.5,
  corruptHeldOut: true,
  learner: 'ViT-B/4',
  scorer: 'ViT-Mu/4',
  embeddingDim: 16,
  steps: 123,
  batchSize: 32,
  learningRate: 3e-4,
  weightDecay: 0.001,
  warmupFraction: 0.1,
  labelSmoothing: 0,
  evalEvery: 7,
  seed: 42,
  policies: ['rho', 'uniform', 'easy'],
  filterRatio: 2.5,
  temperature: 0,
  referenceMode: 'online',
  referencePretrainSteps: 17,
  referenceBatchFactor: 3,
  pipeline: 'off',
  pipelineDepth: 4,
};

describe('configToSearch / configFromSearch', () => {
  it('the test config is valid and changes every key', () => {
    expect(validateConfig(EVERY_KEY_CHANGED).ok).toBe(true);
    for (const key of CONFIG_KEYS) expect(EVERY_KEY_CHANGED[key], key).not.toEqual(DEFAULT_CONFIG[key]);
  });

  it('round-trips a config where every key differs from the default, with and without a preset', () => {
    for (const preset of [undefined, ...PRESET_NAMES]) {
      const search = configToSearch(EVERY_KEY_CHANGED, { preset });
      if (preset === undefined) {
        // hardClassStyle has two values: DEFAULT_CONFIG's and the default preset's, so it matches one of them.
        const base = baseConfigFor(DEFAULT_PRESET);
        const same = CONFIG_KEYS.filter((key) => JSON.stringify(EVERY_KEY_CHANGED[key]) === JSON.stringify(base[key]));
        expect(same).toEqual(['hardClassStyle']);
        for (const key of CONFIG_KEYS) if (!same.includes(key)) expect(search).toContain(`${key}=`);
      }
      const back = configFromSearch(search);
      expect(back.errors).toEqual([]);
      expect(back.config).toEqual(EVERY_KEY_CHANGED);
      expect(back.preset).toBe(preset ?? null);
    }
  });

  it('round-trips DEFAULT_CONFIG and every preset config', () => {
    expect(configFromSearch(configToSearch({ ...DEFAULT_CONFIG, policies: [...DEFAULT_CONFIG.policies] })).config).toEqual(DEFAULT_CONFIG);
    for (const name of PRESET_NAMES) {
      const config = baseConfigFor(name);
      for (const preset of [undefined, name, DEFAULT_PRESET]) {
        expect(configFromSearch(configToSearch(config, { preset })).config).toEqual(config);
      }
    }
  });

  it('defaults give an empty query; a preset alone writes only its name', () => {
    const defaults = configFromSearch('');
    expect(defaults.errors).toEqual([]);
    expect(defaults.preset).toBeNull();
    expect(defaults.config).toEqual(baseConfigFor(DEFAULT_PRESET));
    expect(configToSearch(defaults.config)).toBe('');
    expect(configToSearch(baseConfigFor('clean'), { preset: 'clean' })).toBe('?preset=clean');
  });

  it('writes readable values: lists comma-separated, model names with their slash, extras around', () => {
    const config: ExperimentConfig = { ...baseConfigFor(DEFAULT_PRESET), policies: ['uniform', 'rho'], scorer: 'ViT-Mu/4', steps: 200 };
    expect(configToSearch(config, { preset: 'micro', backend: 'wasm' })).toContain('policies=uniform,rho');
    expect(configToSearch(config, { backend: 'wasm' })).toBe('?scorer=ViT-Mu/4&steps=200&policies=uniform,rho&backend=wasm');
  });

  it('starts from the named preset and ignores backend', () => {
    const r = configFromSearch('?preset=micro&steps=30&backend=wasm');
    expect(r.errors).toEqual([]);
    expect(r.preset).toBe('micro');
    expect(r.config).toEqual({ ...baseConfigFor('micro'), steps: 30 });
    expect(r.config.learner).toBe(PRESETS.micro.config.learner);
  });

  it('names the field, the value and the allowed range for bad values, and keeps the good ones', () => {
    const r = configFromSearch('?trainSize=abc&labelNoise=2&dataset=cifar&policies=uniform,best&steps=300');
    expect(r.config.steps).toBe(300);
    expect(r.config.trainSize).toBe(baseConfigFor(null).trainSize);
    expect(r.errors.map((e) => e.field)).toEqual(['trainSize', 'labelNoise', 'dataset', 'policies']);
    expect(r.errors[0]?.message).toBe('trainSize: "abc" is not allowed; expected an integer from 256 to 60000');
    expect(r.errors[1]?.message).toBe('labelNoise: "2" is not allowed; expected a number from 0 to 0.9');
    expect(r.errors[2]?.message).toBe(
      'dataset: "cifar" is not allowed; expected one of synthetic, mnist, fashion-mnist, captioned-shapes, custom',
    );
    expect(r.errors[3]?.message).toMatch(/^policies: .*best.* is not allowed; expected a comma-separated list of uniform/);
  });

  it('reports unknown parameters and unknown presets', () => {
    const r = configFromSearch('?foo=1&preset=nope');
    expect(r.preset).toBeNull();
    expect(r.config).toEqual(baseConfigFor(DEFAULT_PRESET));
    expect(r.errors).toEqual([
      { field: 'preset', message: expect.stringContaining('preset: "nope" is not a preset') as unknown as string },
      { field: 'foo', message: 'unknown URL parameter foo' },
    ]);
  });

  it('reports cross-field conflicts and keeps a valid config', () => {
    const r = configFromSearch('?steps=10&seed=9');
    expect(r.errors).toEqual([{ field: 'evalEvery', message: 'evalEvery: 25 exceeds steps 10; allowed 1–10' }]);
    expect(validateConfig(r.config).ok).toBe(true);
    expect(r.config.seed).toBe(9);
    expect(r.config.steps).toBe(baseConfigFor(null).steps);
  });

  it('never throws on garbage and always returns a valid config', () => {
    const rng = createRng(20261126);
    const alphabet = 'abcxyz=&?%,./-+ 0123456789eE.%2C%zz' + CONFIG_KEYS.join('') + 'presetbackend\u00e9\u03c1\ud83d';
    const keys = [...CONFIG_KEYS, 'preset', 'backend', 'x'];
    for (let i = 0; i < 400; i++) {
      let s = '';
      const length = rng.int(60);
      for (let j = 0; j < length; j++) {
        s += rng.next() < 0.15 ? `&${keys[rng.int(keys.length)]}=` : alphabet[rng.int(alphabet.length)];
      }
      const r = configFromSearch(s);
      expect(validateConfig(r.config).ok, s).toBe(true);
      for (const e of r.errors) expect(typeof e.message, s).toBe('string');
      expect(() => configToSearch(r.config, { preset: r.preset ?? undefined })).not.toThrow();
    }
  });
});
