/**
 * A 64-bit content hash (two independent 32-bit multiply–xorshift lanes, cyrb53-style), as 16 hex
 * digits. Identifies an uploaded dataset in saved results; not a cryptographic hash.
 */
export function contentHash(...parts: Uint8Array[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const bytes of parts) {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      h1 = Math.imul(h1 ^ b, 2654435761);
      h2 = Math.imul(h2 ^ b, 1597334677);
    }
    // Part boundaries count: ("ab", "c") and ("a", "bc") differ.
    h1 = Math.imul(h1 ^ bytes.length, 2246822507);
    h2 = Math.imul(h2 ^ bytes.length, 3266489909);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
