import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { maxAbsDifference, referenceMatmul, runMatmulSelfCheck } from './selfCheck';

describe('matmul self-check', () => {
  it('reference matmul matches a hand computation', () => {
    const a = Float32Array.from([1, 2, 3, 4]);
    const b = Float32Array.from([5, 6, 7, 8]);
    expect(Array.from(referenceMatmul(a, b, 2))).toEqual([19, 22, 43, 50]);
  });

  it('flags a wrong result, a NaN and a length mismatch', () => {
    expect(maxAbsDifference([1, 2, 3], [1, 2, 3.5])).toBeCloseTo(0.5);
    expect(maxAbsDifference([1, Number.NaN], [1, 2])).toBe(Number.NaN);
    expect(maxAbsDifference([1], [1, 2])).toBe(Number.POSITIVE_INFINITY);
  });

  it.each(['cpu', 'wasm'])('passes on the %s backend and measures throughput', async (name) => {
    expect(await tf.setBackend(name)).toBe(true);
    const before = tf.memory().numTensors;
    const result = await runMatmulSelfCheck(64, 2);
    expect(result.backend).toBe(name);
    expect(result.passed).toBe(true);
    expect(result.maxAbsError).toBeLessThan(result.tolerance);
    expect(result.gflops).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
