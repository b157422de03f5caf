import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config/experimentConfig';
import { validateConfig } from '../../config/validateConfig';
import { CorruptionCode, type Split } from '../dataset';
import { loadDataset, type DatasetFileReader } from '../datasetRegistry';
import { NO_UPLOAD_MESSAGE, withUploadedDataset } from './customDatasetEntry';
import { parseCsvImageSet } from './csvImageSet';
import { decodeLabImageSet, encodeLabImageSet } from './labImageSetCodec';
import { bytesOf, makeCsv } from './testCsv';
import { buildUploadedDataset, fitSizesToUpload, uploadSizeErrors } from './uploadedDataset';
import { DatasetFileError } from './uploadLimits';

// 3 classes, unbalanced 300 / 200 / 100 (600 examples).
const rows = makeCsv({ classes: 3, perClass: 300, side: 6 })
  .trim()
  .split('\n')
  .filter((row, i) => !(row.startsWith('1,') && i % 3 === 1 && i > 600) && !(row.startsWith('2,') && i > 300));
const set = parseCsvImageSet(bytesOf(rows.join('\n')), { fileName: 'u.csv' });
const config = { ...DEFAULT_CONFIG, dataset: 'custom' as const, trainSize: 300, heldOutSize: 100, testSize: 150, seed: 5 };

const classCounts = (split: Split, K: number) => {
  const counts = new Array<number>(K).fill(0);
  for (const label of split.trueLabels) counts[label] = (counts[label] as number) + 1;
  return counts;
};
const rowsOf = (split: Split) => Array.from({ length: split.count }, (_, i) => split.images.subarray(i * 256, (i + 1) * 256).join(','));
/** A row up to an increasing affine map (what standardisation does to it), so it can be traced to its source. */
const shapeOf = (row: ArrayLike<number>) => {
  const values = Array.from(row);
  const min = Math.min(...values);
  const range = Math.max(...values) - min;
  return values.map((v) => ((v - min) / range).toFixed(4)).join(',');
};
/** The upload's example indices whose pixels ended up in `split`. */
const sourcesOf = (split: Split) => {
  const rows = new Set(Array.from({ length: split.count }, (_, i) => shapeOf(split.images.subarray(i * 256, (i + 1) * 256))));
  const sources = new Set<number>();
  for (let i = 0; i < set.info.examples; i++) if (rows.has(shapeOf(set.pixels.subarray(i * 256, (i + 1) * 256)))) sources.add(i);
  return sources;
};

describe('buildUploadedDataset', () => {
  it('splits by class in the upload’s proportions, disjointly, deterministically from the seed', () => {
    expect(set.info.classCounts).toEqual([300, 200, 100]);
    const d = buildUploadedDataset(set, config);
    expect([d.train.count, d.heldOut.count, d.test.count]).toEqual([300, 100, 150]);
    expect(d).toMatchObject({
      name: 'custom',
      title: 'u.csv',
      imageSize: 16,
      channels: 1,
      numClasses: 3,
      classNames: ['0', '1', '2'],
      upload: set.info,
    });
    expect(classCounts(d.test, 3)).toEqual([75, 50, 25]);
    expect(classCounts(d.train, 3)).toEqual([150, 100, 50]);
    const train = new Set(rowsOf(d.train));
    expect(rowsOf(d.test).filter((r) => train.has(r))).toEqual([]);
    expect(rowsOf(d.heldOut).filter((r) => train.has(r))).toEqual([]);
    expect(rowsOf(buildUploadedDataset(set, config).train)).toEqual(rowsOf(d.train));
    expect(rowsOf(buildUploadedDataset(set, { ...config, seed: 6 }).train)).not.toEqual(rowsOf(d.train));
  });

  it('standardises pixels by the training split’s statistics alone', () => {
    const d = buildUploadedDataset(set, config);
    const { images } = d.train;
    const mean = images.reduce((s, v) => s + v, 0) / images.length;
    const std = Math.sqrt(images.reduce((s, v) => s + (v - mean) ** 2, 0) / images.length);
    expect(Math.abs(mean)).toBeLessThan(1e-5);
    expect(Math.abs(std - 1)).toBeLessThan(1e-5);

    // Blank out every example outside the training split (same labels and content hash, so the same
    // split): the training images must not move, or test / held-out pixels leak into the scaling.
    const trainSources = sourcesOf(d.train);
    expect(trainSources.size).toBe(config.trainSize);
    const pixels = set.pixels.slice();
    for (let i = 0; i < set.info.examples; i++) if (!trainSources.has(i)) pixels.fill(255, i * 256, (i + 1) * 256);
    const blanked = buildUploadedDataset({ ...set, pixels }, config);
    expect(blanked.train.images).toEqual(d.train.images);
    expect(blanked.test.images).not.toEqual(d.test.images);
  });

  it('applies the corruption knobs to train (and held-out when asked), never to test', () => {
    const d = buildUploadedDataset(set, { ...config, labelNoise: 0.2, unlearnableFraction: 0.1, corruptHeldOut: true });
    const count = (s: Split, code: number) => s.corruption.filter((c) => c === code).length;
    expect(count(d.train, CorruptionCode.labelNoise)).toBe(60);
    expect(count(d.train, CorruptionCode.unlearnable)).toBe(30);
    expect(count(d.heldOut, CorruptionCode.labelNoise)).toBe(20);
    expect(d.test.corruption.every((c) => c === 0)).toBe(true);
    expect(Array.from(d.train.labels).every((l) => l >= 0 && l < 3)).toBe(true);
  });

  it('classImbalance skews train on top of the upload’s mix', () => {
    const counts = classCounts(buildUploadedDataset(set, { ...config, classImbalance: 4 }).train, 3);
    expect(counts[0]).toBeGreaterThan(150);
    expect(counts[2]).toBeLessThan(50);
  });

  it('split sizes beyond the upload are named with a size that fits', () => {
    const sizes = { trainSize: 10_000, heldOutSize: 4_000, testSize: 2_000 };
    expect(uploadSizeErrors(sizes, 600, 'u.csv')).toEqual([
      {
        field: 'trainSize',
        message:
          'trainSize + heldOutSize + testSize = 16000 exceeds the 600 examples in u.csv; allowed total ≤ 600 (e.g. trainSize 360, heldOutSize 120, testSize 120)',
      },
    ]);
    expect(() => buildUploadedDataset(set, { ...config, ...sizes })).toThrow(DatasetFileError);
    expect(uploadSizeErrors(config, 600, 'u.csv')).toEqual([]);
    // The suggestion is itself valid for every upload size the parser accepts.
    for (const n of [356, 357, 400, 600, 5000, 50_000, 2_000_000]) {
      const fit = fitSizesToUpload(sizes, n);
      expect(fit.trainSize + fit.heldOutSize + fit.testSize).toBeLessThanOrEqual(n);
      expect(validateConfig({ ...DEFAULT_CONFIG, ...fit, batchSize: 16 }).ok, `n = ${n}: ${JSON.stringify(fit)}`).toBe(true);
    }
    expect(fitSizesToUpload(config, 600)).toEqual({ trainSize: 300, heldOutSize: 100, testSize: 150 });
  });
});

describe('the custom dataset entry', () => {
  const bundledOnly: DatasetFileReader = (dataset) => Promise.reject(new Error(`no bundled ${dataset}`));

  it('round-trips the upload through its encoded bytes and loads it through the registry', async () => {
    const bytes = encodeLabImageSet(set);
    expect(decodeLabImageSet(bytes)).toEqual(set);
    const d = await loadDataset(config, withUploadedDataset(bundledOnly, bytes));
    expect(rowsOf(d.train)).toEqual(rowsOf(buildUploadedDataset(set, config).train));
  });

  it('without an upload (a shared link, a reload) explains that the file must be uploaded again', async () => {
    await expect(loadDataset(config, withUploadedDataset(bundledOnly, undefined))).rejects.toThrow(NO_UPLOAD_MESSAGE);
    await expect(loadDataset(config, bundledOnly)).rejects.toThrow(
      'dataset: "custom" trains on an uploaded file and none is loaded; upload a CSV or an image folder (in the app) or pass --dataset-file file.csv (CLI). A link or saved settings cannot carry the data: upload the file again.',
    );
  });

  it('refuses damaged bytes with a message, never a crash', () => {
    const bytes = encodeLabImageSet(set);
    const flipped = bytes.slice();
    flipped[flipped.length - 1] = 255 - (flipped[flipped.length - 1] as number);
    expect(() => decodeLabImageSet(flipped)).toThrow('the uploaded dataset is damaged (content hash mismatch); upload the file again');
    expect(() => decodeLabImageSet(bytes.subarray(0, bytes.length - 5))).toThrow(/damaged \(expected 600 examples of 256 pixels\)/);
    expect(() => decodeLabImageSet(new Uint8Array(3))).toThrow('damaged (not an uploaded-dataset blob)');
  });
});
