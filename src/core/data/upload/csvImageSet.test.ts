import { describe, expect, it } from 'vitest';
import { parseCsvImageSet, type CsvOptions } from './csvImageSet';
import { bytesOf, makeCsv } from './testCsv';
import { DatasetFileError, UPLOAD_LIMITS } from './uploadLimits';

const parse = (text: string | Uint8Array, extra: Partial<CsvOptions> = {}) =>
  parseCsvImageSet(typeof text === 'string' ? bytesOf(text) : text, { fileName: 'd.csv', ...extra });

/** The DatasetFileError a parse throws (fails the test when it returns or throws anything else). */
function rejection(text: string | Uint8Array, extra: Partial<CsvOptions> = {}): DatasetFileError {
  try {
    parse(text, extra);
  } catch (error) {
    if (error instanceof DatasetFileError) return error;
    throw error;
  }
  throw new Error('expected the CSV to be rejected');
}

const good = makeCsv({ classes: 3, perClass: 130, side: 4 });
const goodLines = good.trim().split('\n');
/** The good file with line `line` (1-based) replaced. */
const withLine = (line: number, text: string) => goodLines.map((l, i) => (i === line - 1 ? text : l)).join('\n');
/** The good file with one cell of one line replaced. */
const withCell = (line: number, column: number, value: string) =>
  withLine(
    line,
    goodLines[line - 1]!.split(',')
      .map((c, j) => (j === column - 1 ? value : c))
      .join(','),
  );

describe('parseCsvImageSet: a good file', () => {
  it('reads labels, classes and per-class counts, and fits 4×4 images into the 16×16 frame', () => {
    const set = parse(good);
    expect(set.info).toMatchObject({
      fileName: 'd.csv',
      source: 'csv',
      examples: 390,
      classNames: ['0', '1', '2'],
      classCounts: [130, 130, 130],
      width: 4,
      height: 4,
      bytes: bytesOf(good).length,
    });
    expect(Array.from(set.labels.slice(0, 4))).toEqual([0, 1, 2, 0]);
    expect(set.pixels.length).toBe(390 * 256);
    // The border of the frame stays black; the content is not.
    expect(set.pixels[0]).toBe(0);
    expect(Math.max(...set.pixels.subarray(0, 256))).toBeGreaterThan(150);
    expect(set.info.contentHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('accepts a header (label column found by name, even last), CRLF, a BOM and quoted cells', () => {
    const moved = good
      .trim()
      .split('\n')
      .map((row) => {
        const [label, ...pixels] = row.split(',');
        return [...pixels.map((p) => `"${p}"`), label].join(',');
      });
    const text = `\uFEFF${['p0,p1,p2,p3,p4,p5,p6,p7,p8,p9,p10,p11,p12,p13,p14,p15,Label', ...moved].join('\r\n')}\r\n`;
    const set = parse(text);
    expect(set.info.examples).toBe(390);
    expect(set.info.contentHash).toBe(parse(good).info.contentHash);
  });

  it('reads pixels in 0–1 as the same images as 0–255', () => {
    const fractions = parse(makeCsv({ classes: 3, perClass: 130, side: 4, scale: 1 })).pixels;
    const bytes = parse(good).pixels;
    // Equal up to 8-bit rounding of v/255 · 255.
    expect(fractions.every((v, i) => Math.abs(v - (bytes[i] as number)) <= 1)).toBe(true);
  });

  it('takes a given width×height for non-square images', () => {
    const text = makeCsv({ classes: 2, perClass: 200, side: 4 }).replace(/^(\d+)((,\d+){16})$/gm, '$1$2,0,0,0,0');
    const set = parse(text, { width: 5, height: 4 });
    expect([set.info.width, set.info.height]).toEqual([5, 4]);
  });
});

describe('parseCsvImageSet: every rejection names the place, the value and what is allowed', () => {
  it.each([
    [
      'an empty file',
      '',
      'file',
      'd.csv: the file is empty; expected one row per image: label,p0,p1,… (e.g. 257 columns for 16×16 images)',
    ],
    ['only blank lines', '\n \n\r\n', 'file', 'd.csv: the file has no rows (only blank lines); expected one row per image: label,p0,p1,…'],
    [
      'binary data',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]),
      'file',
      'd.csv: is not a text CSV (binary data at byte 4); save it as a UTF-8 CSV with one row per image: label,p0,p1,…',
    ],
    ['semicolons', '0;1;2;3;4\n', 'line 1', 'd.csv: line 1 is separated by semicolons; values must be separated by commas: label,p0,p1,…'],
    ['one column', '3\n4\n', 'line 1', 'd.csv: line 1 has 1 column; expected a label and the pixels of one image per row: label,p0,p1,…'],
    [
      'a header only',
      'label,p0,p1,p2,p3\n',
      'file',
      'd.csv: there are no data rows after the header on line 1; expected one row per image: label,p0,p1,…',
    ],
  ])('%s', (_, text, where, message) => {
    const error = rejection(text);
    expect(error.where).toBe(where);
    expect(error.message).toBe(message);
  });

  it('a file over 20 MB', () => {
    const error = rejection(new Uint8Array(UPLOAD_LIMITS.maxBytes + 1));
    expect(error.message).toBe(
      'd.csv: 20971521 bytes is too large; the largest upload allowed is 20 MB (20971520 bytes); use fewer rows (20 MB holds about 10,000 28×28 images as CSV)',
    );
    expect(rejection(new Uint8Array(21 * 1024 * 1024)).message).toContain('d.csv: 21 MB is too large');
  });

  it('a row of another length names the line and both lengths', () => {
    expect(rejection(withLine(7, '1,2,3')).message).toBe(
      'd.csv: line 7 has 3 columns but line 1 has 17; every row must be a label and 16 pixels',
    );
    const headed = makeCsv({ classes: 3, perClass: 130, side: 4, header: true }).replace(/\n([^\n]*)\n/, '\n$1,9\n');
    expect(rejection(headed).message).toBe(
      'd.csv: line 2 has 18 columns but the header (line 1) has 17; every row must be a label and 16 pixels',
    );
  });

  it('a pixel count that is not a square, or not the size given', () => {
    expect(rejection('0,1,2,3\n').message).toBe(
      'd.csv: line 1 has 3 pixel columns, which is not a square image (e.g. 256 = 16×16, 784 = 28×28); give the image size (width×height) for non-square images',
    );
    expect(rejection(good, { width: 5, height: 4 }).message).toBe(
      'd.csv: line 1 has 16 pixel columns but the image size given is 5×4 = 20',
    );
    expect(rejection(good, { width: 0, height: 16 }).message).toBe(
      'd.csv: image size 0×16 is not allowed; width and height must be integers from 1 to 512',
    );
    expect(
      rejection(
        `0,${Array(513 * 513)
          .fill(0)
          .join(',')}\n`,
      ).message,
    ).toBe('d.csv: line 1 holds 513×513 images; the image side must be from 2 to 512 pixels');
  });

  it('a pixel that is not a number, empty or out of range names line, column and pixel', () => {
    expect(rejection(withCell(7, 12, 'abc')).message).toBe(
      'd.csv: line 7, column 12 (pixel 10): "abc" is not a number; pixels must be numbers from 0 to 255 (or 0 to 1 for the whole file)',
    );
    expect(rejection(withCell(7, 12, '')).message).toBe(
      'd.csv: line 7, column 12 (pixel 10): the pixel is empty; pixels must be numbers from 0 to 255 (or 0 to 1 for the whole file)',
    );
    expect(rejection(withCell(3, 2, '0x10')).message).toContain('line 3, column 2 (pixel 0): "0x10" is not a number');
    expect(rejection(withCell(9, 17, '256')).message).toBe(
      'd.csv: line 9, column 17 (pixel 15): pixel 256 is out of range; pixels must be numbers from 0 to 255 (or 0 to 1 for the whole file)',
    );
    expect(rejection(withCell(9, 5, '-1')).message).toBe(
      'd.csv: line 9, column 5 (pixel 3): pixel -1 is out of range; pixels must be numbers from 0 to 255 (or 0 to 1 for the whole file)',
    );
    const error = rejection(withCell(9, 5, '-1'));
    expect(error.where).toBe('line 9, column 5 (pixel 3)');
  });

  it('a label that is not an integer, empty or out of 0–9', () => {
    expect(rejection(withCell(4, 1, 'cat')).message).toBe(
      'd.csv: line 4, column 1 (label): "cat" is not an integer label; labels must be integers from 0 to 9',
    );
    expect(rejection(withCell(4, 1, '1.5')).message).toBe(
      'd.csv: line 4, column 1 (label): "1.5" is not an integer label; labels must be integers from 0 to 9',
    );
    expect(rejection(withCell(4, 1, '')).message).toBe(
      'd.csv: line 4, column 1 (label): the label is empty; labels must be integers from 0 to 9',
    );
    expect(rejection(withCell(4, 1, '12')).message).toBe(
      'd.csv: line 4, column 1 (label): label 12 is out of range; labels must be integers from 0 to 9',
    );
    expect(rejection(withCell(4, 1, '-1')).message).toBe(
      'd.csv: line 4, column 1 (label): label -1 is out of range; labels must be integers from 0 to 9',
    );
  });

  it('one class, or classes with a gap', () => {
    const single = good.replace(/^\d+,/gm, '3,');
    expect(rejection(single).message).toBe('d.csv: every example has label 3; a dataset needs 2 to 10 classes (labels 0 to K−1)');
    const gap = good.replace(/^2,/gm, '4,');
    expect(rejection(gap).message).toBe(
      'd.csv: labels 0, 1, 4 are used but 2, 3 have no examples; labels must be 0 to K−1 with every class present',
    );
  });

  it('too few examples in a class, or in all', () => {
    const rows = goodLines.filter((l, i) => !l.startsWith('2,') || i < 20).join('\n');
    expect(rejection(rows).message).toBe(
      'd.csv: label 2 has 6 examples; each class needs at least 10 so that it appears in the train, held-out and test splits',
    );
    expect(rejection(makeCsv({ classes: 2, perClass: 100, side: 4 })).message).toBe(
      'd.csv: 200 examples are too few; the lab needs at least 356 (the smallest trainSize, 256, plus the smallest testSize, 100)',
    );
  });

  it('images with no contrast at all', () => {
    expect(rejection(good.replace(/^(\d+),.*$/gm, '$1,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7')).message).toBe(
      'd.csv: every pixel of every image has the same value (7 of 255); there is nothing to learn',
    );
  });
});
