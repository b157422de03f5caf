import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config/experimentConfig';
import { parseCsvImageSet } from '../../core/data/upload/csvImageSet';
import { bytesOf, makeCsv } from '../../core/data/upload/testCsv';
import { SAMPLE_RESULT } from '../runs/sampleResult.fixture';
import { sortFolderFiles } from './decodeImageFolder';
import { customDatasetErrors, parseSizeText, summaryLine, thumbnails, withUploadInfo } from './uploadSummary';

const set = parseCsvImageSet(bytesOf(makeCsv({ classes: 3, perClass: 150, side: 8 })), { fileName: 'digits.csv' });
const custom = { ...DEFAULT_CONFIG, dataset: 'custom' as const, trainSize: 260, heldOutSize: 90, testSize: 100 };

describe('upload summary', () => {
  it('names the file, size, classes, original size and hash', () => {
    expect(summaryLine(set.info)).toBe(
      `digits.csv · 450 examples · 3 classes · 8×8 → 16×16 · ${Math.round(set.info.bytes / 1024)} kB · hash ${set.info.contentHash}`,
    );
  });

  it('shows two thumbnails per class, in class order', () => {
    const shown = thumbnails(set);
    expect(shown.map((t) => t.label)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(shown[0]?.pixels.length).toBe(256);
  });

  it('reads an optional WIDTH×HEIGHT and names a bad one', () => {
    expect(parseSizeText('')).toEqual({ ok: true, size: null });
    expect(parseSizeText(' 28x20 ')).toEqual({ ok: true, size: { width: 28, height: 20 } });
    expect(parseSizeText('28×20')).toEqual({ ok: true, size: { width: 28, height: 20 } });
    expect(parseSizeText('28 by 20')).toEqual({
      ok: false,
      message: 'image size: "28 by 20" is not a size; expected WIDTH×HEIGHT, e.g. 28x20 (leave empty for square images)',
    });
  });

  it('blocks a custom run without an upload, or with sizes the upload cannot fill, naming the field', () => {
    expect(customDatasetErrors({ ...DEFAULT_CONFIG }, null)).toEqual([]);
    expect(customDatasetErrors(custom, null)).toEqual([
      {
        field: 'dataset',
        message:
          'dataset: "custom" needs an uploaded file and none is loaded in this tab; upload a CSV or an image folder under “Your dataset” (a link or a reload cannot carry the data: upload the file again)',
      },
    ]);
    expect(customDatasetErrors(custom, set.info)).toEqual([]);
    expect(customDatasetErrors({ ...custom, trainSize: 400 }, set.info)[0]).toMatchObject({
      field: 'trainSize',
      message: expect.stringContaining('trainSize + heldOutSize + testSize = 590 exceeds the 450 examples in digits.csv'),
    });
  });

  it('tags a custom result (e.g. the in-progress save) with the upload, and nothing else', () => {
    expect(withUploadInfo({ ...SAMPLE_RESULT, config: custom }, set.info).uploadedDataset).toBe(set.info);
    expect(withUploadInfo(SAMPLE_RESULT, set.info)).toBe(SAMPLE_RESULT);
    expect(withUploadInfo({ ...SAMPLE_RESULT, config: custom }, null).uploadedDataset).toBeUndefined();
  });

  it('keeps image files of a picked folder and counts the others as skipped', () => {
    const file = (path: string) => Object.assign(new File(['x'], path.split('/').pop()!), { webkitRelativePath: path });
    const sorted = sortFolderFiles([
      file('pets/cat/1.png'),
      file('pets/dog/2.JPG'),
      file('pets/README.md'),
      file('pets/cat/.DS_Store'),
      file('pets/.hidden/3.png'),
    ]);
    expect(sorted.folderName).toBe('pets');
    expect(sorted.images.map((f) => f.webkitRelativePath)).toEqual(['pets/cat/1.png', 'pets/dog/2.JPG']);
    expect(sorted.skipped).toBe(3);
  });
});
