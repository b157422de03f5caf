import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { CorruptionCode } from './dataset';
import { loadDataset, type DatasetFileReader } from './datasetRegistry';

const readDatasetFile: DatasetFileReader = async (dataset, file) => new Uint8Array(await readFile(`public/datasets/${dataset}/${file}`));

// Built at set-up by `npm run datasets` (postinstall); a missing build is a set-up error, not a skip.
describe.each(['mnist', 'fashion-mnist'] as const)('bundled %s', (name) => {
  const config = { ...DEFAULT_CONFIG, dataset: name, trainSize: 2000, heldOutSize: 1000, testSize: 500, labelNoise: 0.25, seed: 4 };

  it('was built at set-up', () => {
    expect(existsSync(`public/datasets/${name}/manifest.json`), 'run npm run datasets').toBe(true);
  });

  it('loads as 16×16 standardised images with disjoint noisy train and clean test splits', async () => {
    const d = await loadDataset(config, readDatasetFile);
    expect(d.imageSize).toBe(16);
    expect(d.train.images.length).toBe(2000 * 256);
    expect(d.heldOut.count).toBe(1000);
    expect(d.test.count).toBe(500);
    const noisy = d.train.corruption.filter((c) => c === CorruptionCode.labelNoise).length;
    expect(noisy).toBe(500);
    expect(d.test.corruption.every((c) => c === 0)).toBe(true);
    let mean = 0;
    for (const v of d.train.images) mean += v / d.train.images.length;
    expect(Math.abs(mean)).toBeLessThan(0.5);
    // Train and held-out come from one pool without overlap.
    const key = (s: typeof d.train, i: number) => s.images.subarray(i * 256, (i + 1) * 256).join(',');
    const trainKeys = new Set(Array.from({ length: d.train.count }, (_, i) => key(d.train, i)));
    const overlap = Array.from({ length: d.heldOut.count }, (_, i) => key(d.heldOut, i)).filter((k) => trainKeys.has(k)).length;
    expect(overlap).toBeLessThan(5); // exact pixel duplicates inside the source data only
  });

  it('names the fields and the limit when the sizes exceed what ships', async () => {
    await expect(loadDataset({ ...config, trainSize: 60_000 }, readDatasetFile)).rejects.toThrow(
      /trainSize \+ heldOutSize = 61000 exceeds the \d+ training examples/,
    );
  });
});
