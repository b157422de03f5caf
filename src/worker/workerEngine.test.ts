import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../core/config/experimentConfig';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import type { ExperimentEvent } from '../core/experiment/events';
import { EngineLostError, type EngineFailure } from './engine';
import { PROTOCOL_VERSION, type WorkerMessage, type WorkerRequest } from './protocol';
import { WorkerEngine } from './workerEngine';

/** Stands in for the module worker: records what the engine posts, and lets a test answer. */
class FakeWorker {
  static spawned: FakeWorker[] = [];
  posted: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
  constructor() {
    FakeWorker.spawned.push(this);
  }
  postMessage(message: WorkerRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  send(message: WorkerMessage) {
    this.onmessage?.({ data: message });
  }
}

const v = PROTOCOL_VERSION;
const report = { backend: 'wasm' } as never;
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('WorkerEngine request matching', () => {
  beforeEach(() => {
    FakeWorker.spawned = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('answers each request with the response of its own id, in any order; unknown ids are ignored', async () => {
    const engine = new WorkerEngine();
    const worker = FakeWorker.spawned[0]!;
    const init = engine.initBackend('wasm');
    const check = engine.selfCheck(8);
    const [a, b] = worker.posted;
    expect(a).toEqual({ v, id: 1, body: { type: 'init-backend', requested: 'wasm' } });
    expect(b).toEqual({ v, id: 2, body: { type: 'self-check', size: 8 } });
    worker.send({ v, kind: 'response', id: 99, ok: true, body: { type: 'stopping' } });
    worker.send({ v, kind: 'response', id: 2, ok: true, body: { type: 'self-check-result', result: { ok: true } as never } });
    worker.send({ v, kind: 'response', id: 1, ok: true, body: { type: 'backend-ready', report } });
    expect(await check).toEqual({ ok: true });
    expect(await init).toBe(report);
    // An answered id is forgotten: a second answer to it changes nothing.
    worker.send({ v, kind: 'response', id: 1, ok: false, error: 'late' });
  });

  it("a refused request rejects with the worker's message, as a plain Error (not a lost engine)", async () => {
    const engine = new WorkerEngine();
    const worker = FakeWorker.spawned[0]!;
    const started = settle(engine.start(DEFAULT_CONFIG));
    worker.send({ v, kind: 'response', id: 1, ok: false, error: 'cannot resume: scorers differ' });
    const { error } = (await started) as { error: Error };
    expect(error.message).toBe('cannot resume: scorers differ');
    expect(error).not.toBeInstanceOf(EngineLostError);
  });

  it('streams events and checkpoints to their listeners', () => {
    const engine = new WorkerEngine();
    const worker = FakeWorker.spawned[0]!;
    const events: ExperimentEvent[] = [];
    const checkpoints: ExperimentCheckpoint[] = [];
    const unsubscribe = engine.subscribe((e) => events.push(e));
    engine.onCheckpoint((c) => checkpoints.push(c));
    const event: ExperimentEvent = { type: 'phase', runId: 'uniform', message: 'training' };
    worker.send({ v, kind: 'event', id: 1, event });
    worker.send({ v, kind: 'checkpoint', id: 1, checkpoint: { version: 1 } as ExperimentCheckpoint });
    unsubscribe();
    worker.send({ v, kind: 'event', id: 1, event });
    expect(events).toEqual([event]);
    expect(checkpoints).toEqual([{ version: 1 }]);
  });

  it('a fatal message (lost device) fails every pending request as EngineLostError and restarts the worker', async () => {
    const engine = new WorkerEngine();
    const first = FakeWorker.spawned[0]!;
    const failures: EngineFailure[] = [];
    engine.onFailure((f) => failures.push(f));
    const started = settle(engine.start(DEFAULT_CONFIG));
    const checked = settle(engine.selfCheck(8));
    first.send({ v, kind: 'fatal', cause: 'device-lost', error: 'the GPU device was lost (destroyed)' });
    for (const outcome of [await started, await checked]) {
      const { error } = outcome as { error: Error };
      expect(error).toBeInstanceOf(EngineLostError);
      expect(error.message).toBe('the GPU device was lost (destroyed)');
    }
    expect(first.terminated).toBe(true);
    expect(FakeWorker.spawned).toHaveLength(2);
    expect(failures).toEqual([{ cause: 'device-lost', message: 'the GPU device was lost (destroyed)' }]);
    // Later requests go to the new worker, with fresh ids.
    const second = FakeWorker.spawned[1]!;
    const init = engine.initBackend(null);
    expect(second.posted).toEqual([{ v, id: 3, body: { type: 'init-backend', requested: null } }]);
    second.send({ v, kind: 'response', id: 3, ok: true, body: { type: 'backend-ready', report } });
    expect(await init).toBe(report);
  });

  it('a worker crash (error event) is handled the same way, and dispose fails what is left', async () => {
    const engine = new WorkerEngine();
    const started = settle(engine.start(DEFAULT_CONFIG));
    let prevented = false;
    FakeWorker.spawned[0]!.onerror?.({ message: 'boom', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(((await started) as { error: Error }).error).toEqual(new EngineLostError('the training worker crashed (boom)'));
    const pending = settle(engine.selfCheck(4));
    engine.dispose();
    expect(FakeWorker.spawned[1]!.terminated).toBe(true);
    expect(((await pending) as { error: Error }).error.message).toBe('the training worker was stopped');
  });
});
