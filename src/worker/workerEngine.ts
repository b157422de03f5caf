import type { BackendName } from '../core/backend/backendNames';
import type { ExperimentConfig } from '../core/config/experimentConfig';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import {
  EngineLostError,
  Listeners,
  type CheckpointListener,
  type Engine,
  type EngineFailure,
  type EngineListener,
  type StartOptions,
} from './engine';
import { PROTOCOL_VERSION, type RequestBody, type ResponseFor, type WorkerMessage, type WorkerRequest } from './protocol';

type Pending = { resolve: (body: never) => void; reject: (error: Error) => void };

/** The Engine backed by a module Web Worker: the main thread never runs tfjs training work. */
export class WorkerEngine implements Engine {
  private worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Listeners();
  private readonly checkpoints = new Listeners<ExperimentCheckpoint>();
  private readonly failureListeners = new Set<(failure: EngineFailure) => void>();
  private nextId = 1;
  backend: BackendName | null = null;
  /** Sent with every custom-dataset start, so a restarted worker needs nothing re-sent. */
  private upload: Uint8Array | null = null;

  constructor() {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'learnability-lab' });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail({ cause: 'worker-crash', message: `the training worker crashed (${event.message || 'unknown error'})` });
    };
    return worker;
  }

  /** A crash or a lost device: fail what was pending, start a fresh worker, tell the app. */
  private fail(failure: EngineFailure): void {
    this.backend = null;
    this.worker.terminate();
    this.failAll(failure.message, failure.cause);
    this.worker = this.spawn();
    for (const listener of this.failureListeners) listener(failure);
  }

  onFailure(listener: (failure: EngineFailure) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  async simulateFailure(failure: 'worker-crash' | 'device-loss'): Promise<void> {
    await this.request({ type: 'simulate-failure', failure });
  }

  async initBackend(requested: BackendName | null, probeCache?: unknown) {
    const { report } = await this.request({ type: 'init-backend', requested, ...(probeCache === undefined ? {} : { probeCache }) });
    this.backend = report.backend;
    return report;
  }

  async selfCheck(size: number) {
    return (await this.request({ type: 'self-check', size })).result;
  }

  async start(config: ExperimentConfig, options: StartOptions = {}) {
    const upload = config.dataset === 'custom' && this.upload ? { upload: this.upload } : {};
    return (await this.request({ type: 'start-experiment', config, ...options, ...upload })).result;
  }

  onCheckpoint(listener: CheckpointListener): () => void {
    return this.checkpoints.add(listener);
  }

  setUploadedDataset(upload: Uint8Array | null): void {
    this.upload = upload;
  }

  stop(): void {
    void this.request({ type: 'stop-experiment' });
  }

  subscribe(listener: EngineListener): () => void {
    return this.listeners.add(listener);
  }

  dispose(): void {
    this.worker.terminate();
    this.failAll('the training worker was stopped');
  }

  private request<T extends RequestBody['type']>(body: Extract<RequestBody, { type: T }>): Promise<ResponseFor<T>> {
    const id = this.nextId++;
    const message: WorkerRequest = { v: PROTOCOL_VERSION, id, body };
    return new Promise<ResponseFor<T>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (body: never) => void, reject });
      this.worker.postMessage(message);
    });
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'event') {
      this.listeners.emit(message.event);
      return;
    }
    if (message.kind === 'checkpoint') {
      this.checkpoints.emit(message.checkpoint);
      return;
    }
    if (message.kind === 'fatal') {
      this.fail({ cause: message.cause, message: message.error });
      return;
    }
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    if (message.ok) entry.resolve(message.body as never);
    else entry.reject(new Error(message.error));
  }

  private failAll(message: string, cause: EngineFailure['cause'] = 'worker-crash'): void {
    for (const entry of this.pending.values()) entry.reject(new EngineLostError(message, cause));
    this.pending.clear();
  }
}
