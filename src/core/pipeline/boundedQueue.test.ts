import { describe, expect, it } from 'vitest';
import { POLICIES } from '../selection/policies';
import { BoundedQueue, takeOrStall } from './boundedQueue';
import { decidePipeline } from './pipelinePlan';

describe('BoundedQueue', () => {
  it('hands items over in order and makes the producer wait for room at capacity', async () => {
    const queue = new BoundedQueue<number>(2);
    await queue.room();
    queue.put(1);
    await queue.room();
    queue.put(2);
    let roomy = false;
    const waiting = queue.room().then(() => (roomy = true));
    await Promise.resolve();
    expect(roomy).toBe(false);
    expect(() => queue.put(3)).toThrow('put into a full queue (capacity 2)');
    expect(await queue.take()).toBe(1);
    await waiting;
    expect(roomy).toBe(true);
    expect(await queue.take()).toBe(2);
    const next = queue.take();
    queue.put(3);
    expect(await next).toBe(3);
  });

  it('close wakes both sides with the error', async () => {
    const queue = new BoundedQueue<number>(1);
    const taking = queue.take();
    queue.close(new Error('scorer gone'));
    await expect(taking).rejects.toThrow('scorer gone');
    await expect(queue.room()).rejects.toThrow('scorer gone');
    expect(() => new BoundedQueue(0)).toThrow('capacity 0 must be a whole number ≥ 1');
  });

  it('takeOrStall reports a silent other side after the stall time, and not while it shows signs of life', async () => {
    const queue = new BoundedQueue<number>(1);
    const started = performance.now();
    await expect(
      takeOrStall(
        queue,
        () => started,
        200,
        () => new Error('stalled'),
      ),
    ).rejects.toThrow('stalled');
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(200);
    expect(waited).toBeLessThan(200 * 1.25 + 200); // a quarter-period poll, plus timer slack on a loaded machine
    let alive = performance.now();
    const beat = setInterval(() => (alive = performance.now()), 50);
    const taking = takeOrStall(
      queue,
      () => alive,
      200,
      () => new Error('stalled'),
    );
    setTimeout(() => queue.put(7), 500);
    await expect(taking).resolves.toBe(7);
    clearInterval(beat);
  });
});

describe('decidePipeline', () => {
  const on = { pipeline: 'on' as const, pipelineDepth: 3 };
  const host = { cores: 2, scorerWorkers: true };
  it('pipelines scorer-only policies; hard, rho and IID run sequentially with a reason; off gives none', () => {
    expect(decidePipeline(on, POLICIES.learnability, host)).toEqual({ pipelined: true, depth: 3 });
    expect(decidePipeline(on, POLICIES.easy, host)).toEqual({ pipelined: true, depth: 3 });
    expect(decidePipeline(on, POLICIES.hard, host)).toMatchObject({
      pipelined: false,
      reason: expect.stringMatching(/learner's own weights/),
    });
    expect(decidePipeline(on, POLICIES.rho, host)).toMatchObject({ pipelined: false });
    expect(decidePipeline(on, POLICIES.uniform, host)).toMatchObject({ pipelined: false, reason: expect.stringMatching(/scores nothing/) });
    expect(decidePipeline({ ...on, pipeline: 'off' }, POLICIES.learnability, host)).toEqual({ pipelined: false, reason: null });
  });
  it('auto needs 2 cores and a scorer worker; on needs neither (in-process)', () => {
    const auto = { ...on, pipeline: 'auto' as const };
    expect(decidePipeline(auto, POLICIES.learnability, host)).toEqual({ pipelined: true, depth: 3 });
    expect(decidePipeline(auto, POLICIES.learnability, { cores: 1, scorerWorkers: true })).toMatchObject({ pipelined: false });
    expect(decidePipeline(auto, POLICIES.learnability, { cores: 8, scorerWorkers: false })).toMatchObject({ pipelined: false });
    expect(decidePipeline(on, POLICIES.learnability, { cores: 1, scorerWorkers: false })).toEqual({ pipelined: true, depth: 3 });
  });
});
