import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from './yieldToEventLoop';

describe('yieldToEventLoop', () => {
  it('lets a queued macrotask run, which a chain of resolved promises never does', async () => {
    let ran = false;
    setTimeout(() => (ran = true), 0);
    for (let i = 0; i < 1000; i++) await Promise.resolve();
    expect(ran).toBe(false);
    for (let i = 0; i < 20 && !ran; i++) await yieldToEventLoop();
    expect(ran).toBe(true);
  });
});
