import * as tf from '@tensorflow/tfjs';
import { createRng } from '../random/rng';

export interface SelfCheckResult {
  backend: string;
  size: number;
  maxAbsError: number;
  tolerance: number;
  passed: boolean;
  gflops: number;
  msPerMatmul: number;
}

/** Reference C = A·B in float64 on the CPU, plain loops: independent of every tfjs backend. */
export function referenceMatmul(a: Float32Array, b: Float32Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k] as number;
      for (let j = 0; j < n; j++) c[i * n + j] = (c[i * n + j] as number) + aik * (b[k * n + j] as number);
    }
  }
  return c;
}

export function maxAbsDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs((actual[i] as number) - (expected[i] as number));
    if (!(d <= worst)) worst = d; // NaN propagates as "worse than anything"
  }
  return worst;
}

/**
 * Runs an n×n matmul on the active backend, checks it against the CPU reference and measures
 * throughput (warm-up run excluded: it includes shader compilation on GPU backends).
 */
export async function runMatmulSelfCheck(size = 256, repetitions = 5, seed = 7): Promise<SelfCheckResult> {
  const rng = createRng(seed);
  const a = Float32Array.from({ length: size * size }, () => rng.next() * 2 - 1);
  const b = Float32Array.from({ length: size * size }, () => rng.next() * 2 - 1);
  const expected = referenceMatmul(a, b, size);
  const ta = tf.tensor2d(a, [size, size]);
  const tb = tf.tensor2d(b, [size, size]);
  try {
    const warm = tf.matMul(ta, tb);
    const actual = await warm.data();
    warm.dispose();
    const start = performance.now();
    for (let r = 0; r < repetitions; r++) {
      const c = tf.matMul(ta, tb);
      await c.data();
      c.dispose();
    }
    const seconds = (performance.now() - start) / 1000;
    const flops = repetitions * 2 * size ** 3;
    // fp32 accumulation of `size` products of magnitude ≤ 1: errors stay near 1e-5; 1e-3 leaves margin.
    const tolerance = 1e-3;
    const maxAbsError = maxAbsDifference(actual, expected);
    return {
      backend: tf.getBackend(),
      size,
      maxAbsError,
      tolerance,
      passed: maxAbsError <= tolerance,
      gflops: flops / seconds / 1e9,
      msPerMatmul: (seconds * 1000) / repetitions,
    };
  } finally {
    ta.dispose();
    tb.dispose();
  }
}
