/** Test fixtures: image headers built by hand, byte by byte (never committed as binary files). */
export const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
export const be16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const be32 = (v: number) => [...be16(Math.floor(v / 65536)), ...be16(v & 0xffff)];
const le16 = (v: number) => [v & 0xff, (v >> 8) & 0xff];
const le24 = (v: number) => [...le16(v & 0xffff), (v >> 16) & 0xff];
export const le32 = (v: number) => [...le16(v & 0xffff), ...le16((v >>> 16) & 0xffff)];
export const bytes = (...parts: number[][]): Uint8Array<ArrayBuffer> => new Uint8Array(parts.flat());

/** Hand-built headers, each with the fields the format puts there (the rest of the file omitted). */
export const headers = {
  png: (w: number, h: number) =>
    bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), text('IHDR'), be32(w), be32(h), [8, 0, 0, 0, 0]),
  gif: (w: number, h: number) => bytes(text('GIF89a'), le16(w), le16(h), [0, 0, 0]),
  bmp: (w: number, h: number) => bytes(text('BM'), le32(0), le32(0), le32(54), le32(40), le32(w), le32(h), le16(1), le16(24)),
  bmpCore: (w: number, h: number) => bytes(text('BM'), le32(0), le32(0), le32(26), le32(12), le16(w), le16(h), le16(1), le16(24), [0, 0]),
  /** SOI, an APP0 (JFIF) and an APP1 segment, a fill byte, then SOF2 (progressive) with height before width. */
  jpeg: (w: number, h: number, sof = 0xc2) =>
    bytes(
      [0xff, 0xd8],
      [0xff, 0xe0],
      be16(16),
      text('JFIF'),
      [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
      [0xff, 0xe1],
      be16(8),
      text('Exif'),
      [0, 0],
      [0xff, 0xff, sof],
      be16(17),
      [8],
      be16(h),
      be16(w),
      [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    ),
  webpLossy: (w: number, h: number) =>
    bytes(text('RIFF'), le32(100), text('WEBP'), text('VP8 '), le32(80), [0x30, 0x01, 0x00], [0x9d, 0x01, 0x2a], le16(w), le16(h)),
  webpLossless: (w: number, h: number) =>
    bytes(text('RIFF'), le32(100), text('WEBP'), text('VP8L'), le32(80), [0x2f], le32((w - 1) | ((h - 1) << 14)), [0, 0, 0, 0, 0]),
  webpExtended: (w: number, h: number) =>
    bytes(text('RIFF'), le32(100), text('WEBP'), text('VP8X'), le32(10), [0x10, 0, 0, 0], le24(w - 1), le24(h - 1)),
};
