import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { NODE_NO_THREADS_REASON, planWasmThreads, restartWasmWithThreads } from './wasmThreads';

describe('planWasmThreads', () => {
  it('uses every core when the page is cross-origin isolated', () => {
    expect(planWasmThreads({ isNode: false, crossOriginIsolated: true, hardwareConcurrency: 8 })).toEqual({ threads: 8, reason: null });
  });

  it('falls back to one thread and says why', () => {
    expect(planWasmThreads({ isNode: false, crossOriginIsolated: false, hardwareConcurrency: 8 }).reason).toMatch(
      /not cross-origin isolated.*COOP.*COEP/,
    );
    expect(planWasmThreads({ isNode: false, crossOriginIsolated: undefined, hardwareConcurrency: 8 }).threads).toBe(1);
    expect(planWasmThreads({ isNode: false, crossOriginIsolated: true, hardwareConcurrency: undefined })).toEqual({
      threads: 1,
      reason: 'the browser does not report its core count',
    });
    expect(planWasmThreads({ isNode: true, crossOriginIsolated: undefined, hardwareConcurrency: 2 })).toEqual({
      threads: 1,
      reason: NODE_NO_THREADS_REASON,
    });
  });
});

describe('restartWasmWithThreads in Node', () => {
  it('brings wasm back as the active backend, computing the same matmul', async () => {
    await tf.setBackend('wasm');
    const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const before = await tf.matMul(a, a).data();
    a.dispose();
    const old = tf.findBackend('wasm');
    await restartWasmWithThreads(4);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.findBackend('wasm')).not.toBe(old);
    const b = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    expect(Array.from(await tf.matMul(b, b).data())).toEqual(Array.from(before));
    b.dispose();
  });
});
