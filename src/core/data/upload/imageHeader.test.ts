import { describe, expect, it } from 'vitest';
import { readImageHeader } from './imageHeader';
import { bytes, headers, le32, be16, text } from './testImageHeaders';

describe('readImageHeader', () => {
  it.each([
    ['png', headers.png, 'png'],
    ['gif', headers.gif, 'gif'],
    ['bmp', headers.bmp, 'bmp'],
    ['bmp (core header)', headers.bmpCore, 'bmp'],
    ['jpeg', headers.jpeg, 'jpeg'],
    ['webp lossy (VP8)', headers.webpLossy, 'webp'],
    ['webp lossless (VP8L)', headers.webpLossless, 'webp'],
    ['webp extended (VP8X)', headers.webpExtended, 'webp'],
  ] as const)('%s: reads width and height, not swapped', (_, make, format) => {
    for (const [w, h] of [
      [28, 20],
      [1, 512],
      [300, 7],
    ] as const) {
      expect(readImageHeader(make(w, h))).toEqual({ format, width: w, height: h });
    }
  });

  it('reads sizes far beyond the upload limit (the point is to refuse them before decoding)', () => {
    expect(readImageHeader(headers.png(20000, 20000))).toEqual({ format: 'png', width: 20000, height: 20000 });
    expect(readImageHeader(headers.jpeg(65535, 65535, 0xc0))).toEqual({ format: 'jpeg', width: 65535, height: 65535 });
    expect(readImageHeader(headers.webpExtended(16384, 16384))).toEqual({ format: 'webp', width: 16384, height: 16384 });
  });

  it('reads a top-down BMP (negative height) by its magnitude', () => {
    const top = headers.bmp(10, 10);
    top.set(le32(-12 >>> 0), 22);
    expect(readImageHeader(top)).toEqual({ format: 'bmp', width: 10, height: 12 });
  });

  it('returns null for other formats, garbage and cut-short headers', () => {
    const cases = [
      new Uint8Array(0),
      bytes(text('hello, world, not an image')),
      bytes(text('<svg width="10" height="10">')),
      bytes([0, 0, 0, 0x1c], text('ftypavif'), [0, 0, 0, 0]),
    ];
    for (const make of Object.values(headers)) {
      const whole = make(30, 40);
      // Cut short inside the size fields: not enough to know the size.
      const sizeEnd =
        whole.length -
        (make === headers.jpeg
          ? 10
          : make === headers.bmp
            ? 4
            : make === headers.bmpCore
              ? 6
              : make === headers.webpLossless
                ? 5
                : make === headers.png
                  ? 5
                  : make === headers.gif
                    ? 3
                    : 0);
      cases.push(whole.slice(0, sizeEnd - 1));
    }
    for (const data of cases) expect(readImageHeader(data), String([...data.slice(0, 12)])).toBeNull();
  });

  it('stops at a JPEG scan or end marker that comes before any frame header', () => {
    expect(readImageHeader(bytes([0xff, 0xd8, 0xff, 0xda], be16(8), [1, 2, 3, 4, 5, 6]))).toBeNull();
    expect(readImageHeader(bytes([0xff, 0xd8, 0xff, 0xd9, 0, 0]))).toBeNull();
    expect(readImageHeader(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBeNull();
  });
});
