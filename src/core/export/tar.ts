/**
 * A minimal ustar writer (POSIX.1-1988): regular files only, paths up to 100 bytes (prefix field up
 * to 255), mode 0644, mtime 0. Enough for the PyTorch export download without a dependency.
 */
export interface TarEntry {
  path: string;
  bytes: Uint8Array;
}

const BLOCK = 512;

export function tar(entries: readonly TarEntry[]): Uint8Array {
  let size = 2 * BLOCK; // two zero blocks end the archive
  for (const e of entries) size += BLOCK + Math.ceil(e.bytes.length / BLOCK) * BLOCK;
  const out = new Uint8Array(size);
  let at = 0;
  for (const e of entries) {
    out.set(header(e.path, e.bytes.length), at);
    at += BLOCK;
    out.set(e.bytes, at);
    at += Math.ceil(e.bytes.length / BLOCK) * BLOCK;
  }
  return out;
}

function header(path: string, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const name = new TextEncoder().encode(path);
  let prefix = new Uint8Array(0);
  let rest = name;
  if (name.length > 100) {
    const slash = path.lastIndexOf('/', path.length - 1);
    const [p, r] = [new TextEncoder().encode(path.slice(0, slash)), new TextEncoder().encode(path.slice(slash + 1))];
    if (slash < 0 || p.length > 155 || r.length > 100)
      throw new Error(`tar: path "${path}" is too long (at most 100 bytes after a 155-byte folder)`);
    prefix = p;
    rest = r;
  }
  const put = (offset: number, bytes: Uint8Array) => h.set(bytes, offset);
  const octal = (offset: number, width: number, value: number) =>
    put(offset, new TextEncoder().encode(`${value.toString(8).padStart(width - 1, '0')}\0`));
  put(0, rest);
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  if (size >= 8 ** 11) throw new Error(`tar: file "${path}" is ${size} bytes; at most 8 GiB`);
  octal(124, 12, size);
  octal(136, 12, 0);
  h.fill(0x20, 148, 156); // checksum counted as spaces
  h[156] = 0x30; // '0': regular file
  put(257, new TextEncoder().encode('ustar\0'));
  put(263, new TextEncoder().encode('00'));
  put(345, prefix);
  let sum = 0;
  for (const byte of h) sum += byte;
  put(148, new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `));
  return h;
}
