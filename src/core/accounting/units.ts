/** Branded number types so a step count can never be passed where FLOPs are expected. */
export type Flops = number & { readonly __unit: 'flops' };
export type Steps = number & { readonly __unit: 'steps' };
export type Examples = number & { readonly __unit: 'examples' };

export const flops = (n: number): Flops => n as Flops;
export const steps = (n: number): Steps => n as Steps;
export const examples = (n: number): Examples => n as Examples;

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
