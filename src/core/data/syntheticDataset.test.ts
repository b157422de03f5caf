import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { CorruptionCode, corruptedFraction, type Split } from './dataset';
import { buildSyntheticDataset } from './syntheticDataset';

const small = { ...DEFAULT_CONFIG, trainSize: 3000, heldOutSize: 500, testSize: 500 };
const count = (split: Split, code: number) => split.corruption.filter((c) => c === code).length;

describe('synthetic dataset with corruption', () => {
  it('corrupts the requested fractions (within one example) and flags every corrupted example', () => {
    const d = buildSyntheticDataset({ ...small, labelNoise: 0.3, duplicateFraction: 0.1, unlearnableFraction: 0.05 });
    const n = d.train.count;
    expect(Math.abs(count(d.train, CorruptionCode.labelNoise) / n - 0.3)).toBeLessThanOrEqual(1 / n);
    expect(Math.abs(count(d.train, CorruptionCode.duplicate) / n - 0.1)).toBeLessThanOrEqual(1 / n);
    expect(Math.abs(count(d.train, CorruptionCode.unlearnable) / n - 0.05)).toBeLessThanOrEqual(1 / n);
    expect(corruptedFraction(d.train)).toBeCloseTo(0.45, 2);
    for (let i = 0; i < n; i++) {
      const wrong = d.train.labels[i] !== d.train.trueLabels[i];
      expect(wrong).toBe(d.train.corruption[i] === CorruptionCode.labelNoise);
    }
  });

  it('symmetric noise spreads over the other classes; asymmetric maps c → c+1 mod K', () => {
    const sym = buildSyntheticDataset({ ...small, labelNoise: 0.5 });
    const asym = buildSyntheticDataset({ ...small, labelNoise: 0.5, noiseKind: 'asymmetric' });
    const offsets = new Set<number>();
    for (let i = 0; i < small.trainSize; i++) {
      if (asym.train.corruption[i] === CorruptionCode.labelNoise)
        expect(asym.train.labels[i]).toBe(((asym.train.trueLabels[i] as number) + 1) % 10);
      if (sym.train.corruption[i] === CorruptionCode.labelNoise)
        offsets.add(((sym.train.labels[i] as number) - (sym.train.trueLabels[i] as number) + 10) % 10);
    }
    expect([...offsets].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('duplicates are exact copies of a clean example with its label', () => {
    const d = buildSyntheticDataset({ ...small, duplicateFraction: 0.2 });
    const px = 256;
    const key = (i: number) => d.train.images.subarray(i * px, (i + 1) * px).join(',');
    const clean = new Map<string, number>();
    for (let i = 0; i < d.train.count; i++) if (d.train.corruption[i] === 0) clean.set(key(i), d.train.labels[i] as number);
    for (let i = 0; i < d.train.count; i++) {
      if (d.train.corruption[i] === CorruptionCode.duplicate) expect(clean.get(key(i))).toBe(d.train.labels[i]);
    }
  });

  it('keeps the test split (and by default the held-out split) clean', () => {
    const d = buildSyntheticDataset({ ...small, labelNoise: 0.4, unlearnableFraction: 0.1 });
    expect(corruptedFraction(d.test)).toBe(0);
    expect(corruptedFraction(d.heldOut)).toBe(0);
    expect(d.test.labels).toEqual(d.test.trueLabels);
    const noisyHeldOut = buildSyntheticDataset({ ...small, labelNoise: 0.4, corruptHeldOut: true });
    expect(corruptedFraction(noisyHeldOut.heldOut)).toBeCloseTo(0.4, 2);
  });

  it('same seed → identical data; different seed → different data', () => {
    const a = buildSyntheticDataset({ ...small, labelNoise: 0.2 });
    const b = buildSyntheticDataset({ ...small, labelNoise: 0.2 });
    const c = buildSyntheticDataset({ ...small, labelNoise: 0.2, seed: 1 });
    expect(b.train.images).toEqual(a.train.images);
    expect(b.train.labels).toEqual(a.train.labels);
    expect(b.train.corruption).toEqual(a.train.corruption);
    expect(c.train.images).not.toEqual(a.train.images);
    expect(c.train.corruption).not.toEqual(a.train.corruption);
  });

  it('class imbalance gives the requested largest ÷ smallest class ratio', () => {
    const d = buildSyntheticDataset({ ...small, classImbalance: 10 });
    const perClass = Array.from({ length: 10 }, (_, c) => d.train.labels.filter((l) => l === c).length);
    expect(Math.max(...perClass) / Math.min(...perClass)).toBeCloseTo(10, 0);
    const balanced = Array.from({ length: 10 }, (_, c) => d.test.labels.filter((l) => l === c).length);
    expect(Math.max(...balanced) - Math.min(...balanced)).toBeLessThanOrEqual(1);
  });

  it('mixed difficulty: the hard half of the classes carries more pixel noise', () => {
    const d = buildSyntheticDataset({ ...small, pixelNoise: 0.5, hardPixelNoise: 1.5 });
    // Per-pixel variance around each class mean ≈ σ² (+ shift variance): measure it per half.
    const variance = (classes: number[]) => {
      let sum = 0;
      let n = 0;
      for (const c of classes) {
        const idx = [...d.test.labels.keys()].filter((i) => d.test.labels[i] === c);
        const mean = new Float64Array(256);
        for (const i of idx) for (let p = 0; p < 256; p++) mean[p]! += d.test.images[i * 256 + p]! / idx.length;
        for (const i of idx) for (let p = 0; p < 256; p++) sum += (d.test.images[i * 256 + p]! - mean[p]!) ** 2;
        n += idx.length * 256;
      }
      return sum / n;
    };
    expect(variance([5, 6, 7, 8, 9])).toBeGreaterThan(variance([0, 1, 2, 3, 4]) + 1.5);
    expect(d.hardClasses).toEqual([5, 6, 7, 8, 9]);
    expect(d.classNames[7]).toBe('class 7 (hard)');
    expect(d.classNames[2]).toBe('class 2 (easy)');
  });

  it('hard classes follow the noisier half; with equal noise there are none and names carry no difficulty', () => {
    const tiny = { ...small, trainSize: 20, heldOutSize: 10, testSize: 10 };
    expect(buildSyntheticDataset({ ...tiny, pixelNoise: 1, hardPixelNoise: 0.2 }).hardClasses).toEqual([0, 1, 2, 3, 4]);
    const even = buildSyntheticDataset({ ...tiny, pixelNoise: 0.5, hardPixelNoise: 0.5 });
    expect(even.hardClasses).toEqual([]);
    expect(even.classNames).toEqual(Array.from({ length: 10 }, (_, c) => `class ${c}`));
  });

  it('fine-detail classes are the hard ones even at equal pixel noise (the upper half, named so)', () => {
    const tiny = { ...small, trainSize: 20, heldOutSize: 10, testSize: 10, pixelNoise: 0.5, hardPixelNoise: 0.5 };
    const d = buildSyntheticDataset({ ...tiny, hardClassStyle: 'fine-detail' });
    expect(d.hardClasses).toEqual([5, 6, 7, 8, 9]);
    expect(d.classNames[6]).toBe('class 6 (hard)');
    expect(buildSyntheticDataset({ ...tiny, hardClassStyle: 'pixel-noise' }).hardClasses).toEqual([]);
  });
});
