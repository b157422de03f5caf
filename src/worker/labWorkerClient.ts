import { PROTOCOL_VERSION, type RequestBody, type ResponseFor, type WorkerRequest, type WorkerResponse } from './protocol';

type Pending = { resolve: (body: never) => void; reject: (error: Error) => void };

/** Promise-based client for the lab worker: one request, one typed response. */
export class LabWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'learnability-lab' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.settle(event.data);
    this.worker.onerror = (event) => this.failAll(`the training worker crashed: ${event.message || 'unknown error'}`);
  }

  request<T extends RequestBody['type']>(body: Extract<RequestBody, { type: T }>): Promise<ResponseFor<T>> {
    const id = this.nextId++;
    const message: WorkerRequest = { v: PROTOCOL_VERSION, id, body };
    return new Promise<ResponseFor<T>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (body: never) => void, reject });
      this.worker.postMessage(message);
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll('the training worker was stopped');
  }

  private settle(response: WorkerResponse): void {
    const entry = this.pending.get(response.id);
    if (!entry) return;
    this.pending.delete(response.id);
    if (response.ok) entry.resolve(response.body as never);
    else entry.reject(new Error(response.error));
  }

  private failAll(message: string): void {
    for (const entry of this.pending.values()) entry.reject(new Error(message));
    this.pending.clear();
  }
}
