import { LAB_PIXELS } from '../labImage';
import { contentHash } from './contentHash';
import type { LabImageSet, UploadedDatasetInfo } from './labImageSet';
import { DatasetFileError } from './uploadLimits';

/**
 * The bytes an uploaded dataset travels as (page → worker, CLI → registry): a magic line, a 4-byte
 * little-endian header length, the info as JSON, then [N] labels and [N, 16·16] pixels.
 */
const MAGIC = new TextEncoder().encode('LLDSET1\n');

export function encodeLabImageSet(set: LabImageSet): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify(set.info));
  const out = new Uint8Array(MAGIC.length + 4 + header.length + set.labels.length + set.pixels.length);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(MAGIC.length, header.length, true);
  let at = MAGIC.length + 4;
  out.set(header, at);
  out.set(set.labels, (at += header.length));
  out.set(set.pixels, at + set.labels.length);
  return out;
}

/** The inverse of encodeLabImageSet; damaged bytes (wrong lengths, labels, hash) throw DatasetFileError. */
export function decodeLabImageSet(bytes: Uint8Array): LabImageSet {
  const damaged = (why: string): never => {
    throw new DatasetFileError('upload', `the uploaded dataset is damaged (${why}); upload the file again`);
  };
  if (bytes.length < MAGIC.length + 4 || MAGIC.some((b, i) => bytes[i] !== b)) damaged('not an uploaded-dataset blob');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  const start = MAGIC.length + 4;
  if (start + headerLength > bytes.length) damaged('header cut short');
  let info: UploadedDatasetInfo;
  try {
    info = JSON.parse(new TextDecoder().decode(bytes.subarray(start, start + headerLength))) as UploadedDatasetInfo;
  } catch {
    return damaged('header is not JSON');
  }
  const n = info?.examples;
  if (!Number.isInteger(n) || n < 1 || !Array.isArray(info.classNames) || info.classNames.length < 1)
    damaged('header lacks examples or classes');
  const labelsAt = start + headerLength;
  if (bytes.length !== labelsAt + n * (1 + LAB_PIXELS)) damaged(`expected ${n} examples of ${LAB_PIXELS} pixels`);
  const labels = bytes.slice(labelsAt, labelsAt + n);
  const pixels = bytes.slice(labelsAt + n);
  if (labels.some((l) => l >= info.classNames.length)) damaged('a label is out of range');
  const names = new TextEncoder().encode(JSON.stringify(info.classNames));
  if (contentHash(names, labels, pixels) !== info.contentHash) damaged('content hash mismatch');
  return { info, labels, pixels };
}
