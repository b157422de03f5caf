import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvImageSet } from '../src/core/data/upload/csvImageSet';
import { bytesOf, makeCsv } from '../src/core/data/upload/testCsv';
import { parseImageSize, withDatasetFile } from './datasetFile';
import { parseArgs } from './parseArgs';

const run = promisify(execFile);
const tsx = join('node_modules', '.bin', 'tsx');
const csv = makeCsv({ classes: 3, perClass: 150, side: 8, header: true });

describe('--dataset-file', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lab-upload-'));
    await writeFile(join(dir, 'good.csv'), csv);
    await writeFile(join(dir, 'bad.csv'), csv.replace(/\n2,/, '\n12,'));
  });

  it('parses the flags and the image size', () => {
    expect(parseArgs(['--dataset-file', 'a.csv', '--dataset-size=20x15'])).toMatchObject({ datasetFile: 'a.csv', datasetSize: '20x15' });
    expect(parseImageSize('28×20')).toEqual({ width: 28, height: 20 });
    expect(() => parseImageSize('9')).toThrow('dataset-size: "9" is not an image size; expected WIDTHxHEIGHT, e.g. 28x20');
  });

  it('trains as dataset custom with split sizes fitted to the file, unless sizes are given', () => {
    const set = parseCsvImageSet(bytesOf(csv), { fileName: 'good.csv' });
    const fitted = withDatasetFile({ trainSize: 10_000, heldOutSize: 4_000, testSize: 2_000 }, {}, set);
    expect(fitted.config).toEqual({ dataset: 'custom', trainSize: 260, heldOutSize: 90, testSize: 100 });
    expect(fitted.note).toContain('good.csv: 450 examples, 3 classes, 8×8 → 16×16, hash ');
    expect(withDatasetFile({ trainSize: 300 }, { trainSize: 300 }, set).config).toEqual({ dataset: 'custom', trainSize: 300 });
    expect(() => withDatasetFile({}, { dataset: 'mnist' }, set)).toThrow(
      'dataset: "mnist" conflicts with --dataset-file; a dataset file trains as dataset custom (leave --dataset out)',
    );
  });

  it('a bad file exits 2 with the message the app shows', async () => {
    const failure = await run(tsx, ['cli/lab.ts', '--dataset-file', join(dir, 'bad.csv')]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      'lab: bad.csv: line 4, column 1 (label): label 12 is out of range; labels must be integers from 0 to 9',
    );
  });

  it('a good file runs headless and result.json names the upload', async () => {
    const out = join(dir, 'out');
    await run(tsx, [
      'cli/lab.ts',
      '--dataset-file',
      join(dir, 'good.csv'),
      '--preset',
      'micro',
      '--policies',
      'uniform,learnability',
      '--steps',
      '4',
      '--eval-every',
      '2',
      '--reference-pretrain-steps',
      '2',
      '--out',
      out,
      '--quiet',
    ]);
    const result = JSON.parse(await readFile(join(out, 'result.json'), 'utf8'));
    expect(result.config).toMatchObject({ dataset: 'custom', trainSize: 260, heldOutSize: 90, testSize: 100 });
    expect(result.uploadedDataset).toMatchObject({
      fileName: 'good.csv',
      examples: 450,
      classCounts: [150, 150, 150],
      width: 8,
      height: 8,
    });
    expect(result.uploadedDataset.contentHash).toBe(parseCsvImageSet(bytesOf(csv), { fileName: 'good.csv' }).info.contentHash);
    expect(result.runs.map((r: { final: { steps: number } }) => r.final.steps)).toEqual([4, 4]);
  });
});
