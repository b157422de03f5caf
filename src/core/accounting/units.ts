/** A branded number, so a plain count can never be passed where FLOPs are expected. */
export type Flops = number & { readonly __unit: 'flops' };

export const flops = (n: number): Flops => n as Flops;

/** "1.94 MFLOP", "3.2 GFLOP" … */
export function formatFlops(value: number): string {
  const units = ['', 'k', 'M', 'G', 'T', 'P'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(v >= 100 || i === 0 ? 0 : 2)} ${units[i]}FLOP`;
}
