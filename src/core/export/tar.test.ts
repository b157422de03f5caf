import { describe, expect, it } from 'vitest';
import { tar } from './tar';

/** Reads a ustar archive back: the reader is independent of the writer (fields by their POSIX offsets). */
function untar(archive: Uint8Array): { path: string; bytes: Uint8Array; checksumOk: boolean }[] {
  const text = (from: number, to: number) => new TextDecoder().decode(archive.subarray(from, to)).replace(/\0.*$/s, '');
  const out = [];
  for (let at = 0; at + 512 <= archive.length;) {
    if (archive.subarray(at, at + 512).every((b) => b === 0)) break;
    const size = parseInt(text(at + 124, at + 136), 8);
    const prefix = text(at + 345, at + 500);
    const name = text(at, at + 100);
    const header = archive.slice(at, at + 512);
    const stored = parseInt(text(at + 148, at + 156).trim(), 8);
    header.fill(0x20, 148, 156);
    const sum = header.reduce((s, b) => s + b, 0);
    out.push({ path: prefix ? `${prefix}/${name}` : name, bytes: archive.slice(at + 512, at + 512 + size), checksumOk: sum === stored });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('tar', () => {
  it('round-trips files of any size, nested paths and long paths through the prefix field', () => {
    const long = `${'folder/'.repeat(20)}file.py`;
    const entries = [
      { path: 'config.json', bytes: new TextEncoder().encode('{"a":1}\n') },
      { path: 'data/empty.bin', bytes: new Uint8Array(0) },
      { path: 'data/block.bin', bytes: Uint8Array.from({ length: 1025 }, (_, i) => i % 251) },
      { path: long, bytes: new TextEncoder().encode('print(1)\n') },
    ];
    const archive = tar(entries);
    expect(archive.length % 512).toBe(0);
    const read = untar(archive);
    expect(read.map((e) => e.path)).toEqual(entries.map((e) => e.path));
    read.forEach((e, i) => {
      expect(e.checksumOk).toBe(true);
      expect(Array.from(e.bytes)).toEqual(Array.from(entries[i]!.bytes));
    });
  });

  it('refuses a path it cannot store, naming it', () => {
    expect(() => tar([{ path: 'x'.repeat(101), bytes: new Uint8Array(1) }])).toThrow(/tar: path "x+" is too long/);
  });
});
