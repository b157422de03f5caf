import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { buildCaptionedShapesDataset } from './captionedShapesDataset';
import { CorruptionCode, corruptedFraction, type Split } from './dataset';
import {
  CAPTION_COUNT,
  CAPTION_LENGTH,
  CAPTION_VOCABULARY,
  captionId,
  captionParts,
  captionText,
  captionTokens,
  POSITIONS,
  SHADES,
  SHAPES,
} from './shapeCaptions';

const small = { ...DEFAULT_CONFIG, dataset: 'captioned-shapes' as const, trainSize: 2000, heldOutSize: 500, testSize: 400 };
const count = (split: Split, code: number) => split.corruption.filter((c) => c === code).length;
const px = 256;

describe('captions', () => {
  it('every caption id names one shape, position and shade, and round-trips through its parts and tokens', () => {
    const texts = new Set<string>();
    for (let c = 0; c < CAPTION_COUNT; c++) {
      expect(captionId(captionParts(c))).toBe(c);
      const words = captionTokens(c).map((t) => CAPTION_VOCABULARY[t]);
      const { shape, position, shade } = captionParts(c);
      expect(words).toEqual([SHADES[shade], SHAPES[shape], POSITIONS[position]]);
      texts.add(captionText(c));
    }
    expect(texts.size).toBe(CAPTION_COUNT);
    expect(captionText(captionId({ shape: 1, position: 0, shade: 0 }))).toBe('bright cross top-left');
    expect(() => captionParts(CAPTION_COUNT)).toThrow(`caption id ${CAPTION_COUNT} is out of range 0–${CAPTION_COUNT - 1}`);
  });
});

describe('captioned-shapes dataset', () => {
  it('draws each caption as described: the shape sits in its quadrant with its shade (no pixel noise)', () => {
    const d = buildCaptionedShapesDataset({ ...small, pixelNoise: 0, hardPixelNoise: 0 });
    expect(d.captions?.tokens.length).toBe(CAPTION_COUNT * CAPTION_LENGTH);
    expect(d.classNames).toHaveLength(CAPTION_COUNT);
    for (let i = 0; i < 200; i++) {
      const { position, shade } = captionParts(d.test.labels[i] as number);
      const quadrantSums = [0, 0, 0, 0];
      for (let p = 0; p < px; p++)
        quadrantSums[(Math.floor(p / 16) >= 8 ? 2 : 0) + (p % 16 >= 8 ? 1 : 0)]! += d.test.images[i * px + p] as number;
      quadrantSums.forEach((sum, q) => {
        if (q === position) expect(Math.sign(sum)).toBe(SHADES[shade] === 'bright' ? 1 : -1);
        else expect(sum).toBe(0);
      });
    }
  });

  it('mixed difficulty: square and cross are drawn with pixelNoise, disc and ring with hardPixelNoise', () => {
    const d = buildCaptionedShapesDataset({ ...small, pixelNoise: 0.1, hardPixelNoise: 0.5 });
    const clean = buildCaptionedShapesDataset({ ...small, pixelNoise: 0, hardPixelNoise: 0 });
    const noiseStd = (hard: boolean) => {
      let sum = 0;
      let n = 0;
      for (let i = 0; i < d.test.count; i++) {
        if (captionParts(d.test.labels[i] as number).shape >= SHAPES.length / 2 !== hard) continue;
        for (let p = 0; p < px; p++) {
          sum += ((d.test.images[i * px + p] as number) - (clean.test.images[i * px + p] as number)) ** 2;
          n++;
        }
      }
      return Math.sqrt(sum / n);
    };
    expect(clean.test.labels).toEqual(d.test.labels);
    // ~100 images × 256 pixels per half: the sample σ is within 3% of the configured one.
    expect(Math.abs(noiseStd(false) / 0.1 - 1)).toBeLessThan(0.03);
    expect(Math.abs(noiseStd(true) / 0.5 - 1)).toBeLessThan(0.03);
  });

  it('label noise means mismatched captions; duplicates and unlearnable pairs are flagged; test and held-out stay clean', () => {
    const d = buildCaptionedShapesDataset({ ...small, labelNoise: 0.25, duplicateFraction: 0.1, unlearnableFraction: 0.05 });
    const n = d.train.count;
    expect(count(d.train, CorruptionCode.labelNoise)).toBe(Math.round(0.25 * n));
    expect(count(d.train, CorruptionCode.duplicate)).toBe(Math.round(0.1 * n));
    expect(count(d.train, CorruptionCode.unlearnable)).toBe(Math.round(0.05 * n));
    for (let i = 0; i < n; i++) {
      const mismatched = d.train.labels[i] !== d.train.trueLabels[i];
      expect(mismatched).toBe(d.train.corruption[i] === CorruptionCode.labelNoise);
    }
    expect(corruptedFraction(d.test)).toBe(0);
    expect(corruptedFraction(d.heldOut)).toBe(0);
  });

  it('is deterministic from the seed', () => {
    const a = buildCaptionedShapesDataset({ ...small, labelNoise: 0.25 });
    const b = buildCaptionedShapesDataset({ ...small, labelNoise: 0.25 });
    const c = buildCaptionedShapesDataset({ ...small, labelNoise: 0.25, seed: 1 });
    expect(b.train.images).toEqual(a.train.images);
    expect(b.train.labels).toEqual(a.train.labels);
    expect(c.train.labels).not.toEqual(a.train.labels);
  });
});
