import { parseDecimal } from '../../text/decimalNumber';
import { LabImageSetBuilder, type LabImageSet } from './labImageSet';
import { checkByteSize, DatasetFileError, UPLOAD_LIMITS, type UploadLimits } from './uploadLimits';

export interface CsvOptions {
  fileName: string;
  /** Image size for non-square rows; by default width = height = √(pixel columns). */
  width?: number;
  height?: number;
  limits?: UploadLimits;
}

const PIXELS_ALLOWED = 'pixels must be numbers from 0 to 255 (or 0 to 1 for the whole file)';
const LABEL_HEADER = /^(label|labels|class|target|y)$/i;

/** One cell as text: trimmed, one pair of surrounding double quotes removed. */
function cellText(raw: string): string {
  const t = raw.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
}

/**
 * A strict decimal number (no "", "0x10", "Infinity"), or NaN. Linear in the cell's length, whatever
 * it holds: plain digits in one pass, anything else through one more pass of parseDecimal (a
 * backtracking pattern here once took seconds on a cell of 40,000 digits and an `x`).
 */
function parseNumber(raw: string): number {
  let value = 0;
  for (let i = 0; i < raw.length; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return parseDecimal(cellText(raw));
    }
    value = value * 10 + d;
  }
  return raw.length > 0 ? value : Number.NaN;
}

/** A cell as quoted in messages: its text, cut at 24 characters. */
const plain = (raw: string) => {
  const t = cellText(raw);
  return t.length > 24 ? `${t.slice(0, 24)}…` : t;
};
const shown = (raw: string) => JSON.stringify(plain(raw));

/**
 * Reads a CSV of labelled images: one row per image, `label,p0,p1,…` (pixels row-major, 0–255 or
 * 0–1 for the whole file). A header row is optional; with one, the label column may sit anywhere
 * and is found by its name (label, class, target or y). Labels are the integers 0…K−1 (2 ≤ K ≤ 10),
 * every class with enough examples. Throws DatasetFileError naming the line, column, value and the
 * allowed range; never anything else.
 */
export function parseCsvImageSet(bytes: Uint8Array, options: CsvOptions): LabImageSet {
  const limits = options.limits ?? UPLOAD_LIMITS;
  const name = options.fileName;
  const fail = (where: string, message: string): never => {
    throw new DatasetFileError(where, `${name}: ${message}`);
  };
  checkByteSize(name, bytes.length, limits, 'use fewer rows (20 MB holds about 10,000 28×28 images as CSV)');
  if (bytes.length === 0) fail('file', 'the file is empty; expected one row per image: label,p0,p1,… (e.g. 257 columns for 16×16 images)');
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    fail('file', `is not a text CSV (binary data at byte ${nul}); save it as a UTF-8 CSV with one row per image: label,p0,p1,…`);

  const lines = new TextDecoder('utf-8').decode(bytes).split(/\r\n|\n|\r/);
  const rows = lines.flatMap((text, i) => (text.trim() === '' ? [] : [{ line: i + 1, text }]));
  if (rows.length === 0) fail('file', 'the file has no rows (only blank lines); expected one row per image: label,p0,p1,…');

  const first = rows[0] as { line: number; text: string };
  const firstCells = first.text.split(',');
  if (firstCells.length === 1) {
    const separator = /;/.test(first.text) ? 'semicolons' : /\t/.test(first.text) ? 'tabs' : null;
    fail(
      `line ${first.line}`,
      separator
        ? `line ${first.line} is separated by ${separator}; values must be separated by commas: label,p0,p1,…`
        : `line ${first.line} has 1 column; expected a label and the pixels of one image per row: label,p0,p1,…`,
    );
  }
  const hasHeader = Number.isNaN(parseNumber(firstCells[0] as string)) || Number.isNaN(parseNumber(firstCells.at(-1) as string));
  const labelColumn = hasHeader
    ? Math.max(
        0,
        firstCells.findIndex((c) => LABEL_HEADER.test(cellText(c))),
      )
    : 0;
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0)
    fail('file', `there are no data rows after the header on line ${first.line}; expected one row per image: label,p0,p1,…`);

  const columns = firstCells.length;
  const pixelCount = columns - 1;
  const [width, height] = imageSize(pixelCount, first.line, options, limits, fail);
  const columnName = (j: number) => `column ${j + 1} (${j === labelColumn ? 'label' : `pixel ${j < labelColumn ? j : j - 1}`})`;

  // Every valid row takes ≥ 2 bytes per column, which bounds the rows that can ever be stored.
  const capacity = Math.min(data.length, Math.floor(bytes.length / (2 * columns)) + 1);
  const values = new Float32Array(capacity * pixelCount);
  const labels = new Uint8Array(capacity);
  let maxPixel = 0;
  data.forEach(({ line, text }, r) => {
    const cells = text.split(',');
    if (cells.length !== columns) {
      const origin = hasHeader ? `the header (line ${first.line})` : `line ${first.line}`;
      fail(
        `line ${line}`,
        `line ${line} has ${cells.length} columns but ${origin} has ${columns}; every row must be a label and ${pixelCount} pixels`,
      );
    }
    let p = r * pixelCount;
    cells.forEach((cell, j) => {
      const value = parseNumber(cell);
      const where = `line ${line}, ${columnName(j)}`;
      if (j === labelColumn) {
        if (!Number.isInteger(value))
          fail(
            where,
            `${where}: ${cellText(cell) === '' ? 'the label is empty' : `${shown(cell)} is not an integer label`}; labels must be integers from 0 to ${limits.maxClasses - 1}`,
          );
        if (value < 0 || value >= limits.maxClasses)
          fail(where, `${where}: label ${plain(cell)} is out of range; labels must be integers from 0 to ${limits.maxClasses - 1}`);
        labels[r] = value;
        return;
      }
      if (Number.isNaN(value))
        fail(where, `${where}: ${cellText(cell) === '' ? 'the pixel is empty' : `${shown(cell)} is not a number`}; ${PIXELS_ALLOWED}`);
      if (value < 0 || value > 255) fail(where, `${where}: pixel ${plain(cell)} is out of range; ${PIXELS_ALLOWED}`);
      if (value > maxPixel) maxPixel = value;
      values[p++] = value;
    });
  });

  const classNames = classNamesFromLabels(labels, limits, fail);
  const builder = new LabImageSetBuilder(width, height, data.length);
  const scale = maxPixel <= 1 ? 1 : 1 / 255;
  for (let r = 0; r < data.length; r++) builder.add(labels[r] as number, values, r * pixelCount, scale);
  return builder.finish(
    { fileName: name, source: 'csv', bytes: bytes.length, classNames, describeClass: (c) => `label ${c}`, noun: 'examples' },
    limits,
  );
}

type Fail = (where: string, message: string) => never;

function imageSize(pixelCount: number, line: number, options: CsvOptions, limits: UploadLimits, fail: Fail): [number, number] {
  if (options.width !== undefined || options.height !== undefined) {
    const w = options.width ?? 0;
    const h = options.height ?? 0;
    if (!Number.isInteger(w) || !Number.isInteger(h) || w < 1 || h < 1 || w > limits.maxSide || h > limits.maxSide) {
      fail('image size', `image size ${w}×${h} is not allowed; width and height must be integers from 1 to ${limits.maxSide}`);
    }
    if (w * h !== pixelCount)
      fail(`line ${line}`, `line ${line} has ${pixelCount} pixel columns but the image size given is ${w}×${h} = ${w * h}`);
    return [w, h];
  }
  const side = Math.round(Math.sqrt(pixelCount));
  if (side * side !== pixelCount) {
    fail(
      `line ${line}`,
      `line ${line} has ${pixelCount} pixel columns, which is not a square image (e.g. 256 = 16×16, 784 = 28×28); give the image size (width×height) for non-square images`,
    );
  }
  if (side < 2 || side > limits.maxSide)
    fail(`line ${line}`, `line ${line} holds ${side}×${side} images; the image side must be from 2 to ${limits.maxSide} pixels`);
  return [side, side];
}

/** Classes are the labels 0…K−1, every one present, 2 ≤ K ≤ 10. */
function classNamesFromLabels(labels: Uint8Array, limits: UploadLimits, fail: Fail): string[] {
  const used = [...new Set(labels)].sort((a, b) => a - b);
  if (used.length < limits.minClasses) {
    fail(
      'labels',
      `every example has label ${used[0]}; a dataset needs ${limits.minClasses} to ${limits.maxClasses} classes (labels 0 to K−1)`,
    );
  }
  const K = (used.at(-1) as number) + 1;
  const missing = Array.from({ length: K }, (_, c) => c).filter((c) => !used.includes(c));
  if (missing.length > 0) {
    fail(
      'labels',
      `labels ${used.join(', ')} are used but ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no examples; labels must be 0 to K−1 with every class present`,
    );
  }
  return Array.from({ length: K }, (_, c) => String(c));
}
