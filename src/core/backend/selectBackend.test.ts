import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend } from './selectBackend';

describe('selectBackend in Node', () => {
  afterAll(() => {
    tf.removeBackend('webgl');
  });

  it('skips webgpu and webgl with reasons and lands on wasm', async () => {
    const report = await selectBackend();
    expect(report.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(report.adapter).toBeNull();
    expect(report.skipped.map((s) => s.backend)).toEqual(['webgpu', 'webgl']);
    expect(report.skipped[0]?.reason).toMatch(/navigator\.gpu missing/);
  });

  it('honours an override', async () => {
    const report = await selectBackend({ requested: 'cpu' });
    expect(report).toEqual({ backend: 'cpu', requested: 'cpu', adapter: null, skipped: [] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('moves on to the next backend when setBackend resolves false', async () => {
    // A webgl factory whose initialisation fails, as on a machine without a GL context.
    tf.registerBackend('webgl', () => {
      throw new Error('no GL context');
    });
    const report = await selectBackend({ requested: 'webgl' });
    expect(report.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(report.skipped).toEqual([{ backend: 'webgl', reason: expect.stringMatching(/initialisation failed/) }]);
  });
});
