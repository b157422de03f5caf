import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../config/configSchema';
import type { ExperimentConfig } from '../config/experimentConfig';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { DATA_FORMAT, littleEndian, torchExportFiles, torchExportProblem } from './torchExport';
import { TORCH_SOURCES } from './torchSources.generated';
import { microConfig } from '../testing/microConfig';

const config: ExperimentConfig = microConfig({ policies: ['uniform', 'learnability'] });

describe('torchExportFiles', () => {
  const dataset = buildSyntheticDataset(config);
  const files = torchExportFiles(config, dataset);
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const json = (path: string) => JSON.parse(new TextDecoder().decode(byPath.get(path))) as Record<string, unknown>;

  it('writes the config, the schema, the data header, every Python source and a README', () => {
    expect(json('config.json')).toEqual(JSON.parse(JSON.stringify(config)));
    expect(Object.keys(json('schema.json'))).toEqual(CONFIG_KEYS);
    for (const path of Object.keys(TORCH_SOURCES)) expect(new TextDecoder().decode(byPath.get(path))).toBe(TORCH_SOURCES[path]);
    expect(byPath.has('train.py')).toBe(true);
    expect(byPath.has('README.md')).toBe(true);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it('writes each split as little-endian binaries that the header describes, byte for byte', () => {
    const header = json('data/header.json') as {
      format: string;
      numClasses: number;
      classNames: string[];
      splits: Record<string, Record<string, { file: string; dtype: string }> & { count: number }>;
    };
    expect(header.format).toBe(DATA_FORMAT);
    expect(header.classNames).toEqual(dataset.classNames);
    for (const key of ['train', 'heldOut', 'test'] as const) {
      const split = dataset[key];
      const entry = header.splits[key]!;
      expect(entry.count).toBe(split.count);
      const read = (name: string) => {
        const bytes = byPath.get(`data/${entry[name]!.file}`) as Uint8Array;
        return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      };
      const images = read('images');
      expect(images.byteLength).toBe(split.images.length * 4);
      for (const i of [0, 1, split.images.length - 1]) expect(images.getFloat32(4 * i, true)).toBe(split.images[i]);
      const labels = read('labels');
      for (const i of [0, split.count - 1]) expect(labels.getInt32(4 * i, true)).toBe(split.labels[i]);
      expect(Array.from(new Uint8Array(read('corruption').buffer, read('corruption').byteOffset, split.count))).toEqual(
        Array.from(split.corruption),
      );
    }
    // The micro preset corrupts 20% of train labels: the flags travel.
    expect(dataset.train.corruption.some((c) => c !== 0)).toBe(true);
  });

  it('littleEndian gives the values in little-endian order', () => {
    const bytes = littleEndian(Int32Array.of(0x01020304));
    expect(Array.from(bytes)).toEqual([4, 3, 2, 1]);
  });

  it('refuses an image–caption experiment, naming the dataset and what is allowed', () => {
    expect(torchExportProblem({ ...config, dataset: 'captioned-shapes' }, { channels: 1 })).toMatch(
      /^dataset: captioned-shapes .*allowed: synthetic, mnist, fashion-mnist, custom$/,
    );
    expect(torchExportProblem(config, { channels: 3 })).toMatch(/^dataset: 3-channel images/);
    expect(torchExportProblem(config, dataset)).toBeNull();
  });
});
