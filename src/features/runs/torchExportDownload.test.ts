import { describe, expect, it } from 'vitest';
import { parseCsvImageSet } from '../../core/data/upload/csvImageSet';
import { encodeLabImageSet } from '../../core/data/upload/labImageSetCodec';
import { fitSizesToUpload } from '../../core/data/upload/uploadedDataset';
import { makeCsv } from '../../core/data/upload/testCsv';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { missingUpload, torchExportTar, type TabUpload } from './torchExportDownload';
import { SAMPLE_RESULT } from './sampleResult.fixture';
import { microConfig } from '../../core/testing/microConfig';

const noFiles = async () => {
  throw new Error('no bundled files in this test');
};
const csvUpload = (fileName: string, seed: number): TabUpload => {
  const set = parseCsvImageSet(new TextEncoder().encode(makeCsv({ classes: 3, perClass: 200, side: 4, seed })), { fileName });
  return { set, encoded: encodeLabImageSet(set) };
};

describe('Export as PyTorch (browser)', () => {
  const micro: ExperimentResult = {
    ...SAMPLE_RESULT,
    config: microConfig({ policies: ['uniform', 'learnability'] }),
  };

  it('packs a synthetic experiment into one tar under learnability-torch/', async () => {
    const outcome = await torchExportTar(micro, null, noFiles);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const text = new TextDecoder().decode(outcome.bytes.subarray(0, 100)).replace(/\0.*$/s, '');
    expect(text).toBe('learnability-torch/config.json');
    expect(outcome.files).toBeGreaterThan(20);
  });

  it('a custom upload no longer in the tab: says which file to upload again', () => {
    const upload = csvUpload('pets.csv', 1);
    const result: ExperimentResult = {
      ...micro,
      config: { ...micro.config, dataset: 'custom', ...fitSizesToUpload(micro.config, upload.set.info.examples) },
      uploadedDataset: upload.set.info,
    };
    expect(missingUpload(result, null)).toMatch(
      /^This run trained on “pets\.csv” \(600 examples, 3 classes: .*\), which is no longer in this tab: upload it again under Dataset/,
    );
    expect(missingUpload(result, csvUpload('other.csv', 2))).toMatch(
      /but this tab holds “other\.csv”, a different dataset: upload pets\.csv again/,
    );
    expect(missingUpload(result, upload)).toBeNull();
    expect(missingUpload(micro, null)).toBeNull();
  });

  it('exports a custom upload when the same file is in the tab', async () => {
    const upload = csvUpload('pets.csv', 1);
    const config = { ...micro.config, dataset: 'custom' as const, ...fitSizesToUpload(micro.config, upload.set.info.examples) };
    const outcome = await torchExportTar({ ...micro, config, uploadedDataset: upload.set.info }, upload, noFiles);
    expect(outcome.ok ? 'ok' : outcome.message).toBe('ok');
  });

  it('refuses an image–caption experiment with the reason', async () => {
    const outcome = await torchExportTar({ ...micro, config: { ...micro.config, dataset: 'captioned-shapes' } }, null, noFiles);
    expect(outcome.ok ? 'ok' : outcome.message).toMatch(/^Cannot export as PyTorch: dataset: captioned-shapes/);
  });
});
