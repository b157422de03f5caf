import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../core/backend/backendNames';
import { selectBackend } from '../core/backend/selectBackend';
import { runMatmulSelfCheck } from '../core/backend/selfCheck';
import type { ExperimentConfig } from '../core/config/experimentConfig';
import type { DatasetFileReader } from '../core/data/datasetRegistry';
import { Listeners, type Engine, type EngineListener } from './engine';
import { ExperimentSession } from './experimentSession';

/** The Engine on the calling thread: for tests and Node. Same session code as the worker. */
export class LocalEngine implements Engine {
  private readonly listeners = new Listeners();
  private readonly session: ExperimentSession;
  private upload: Uint8Array | null = null;

  constructor(readFile: DatasetFileReader) {
    this.session = new ExperimentSession(readFile, () => tf.getBackend());
  }

  initBackend(requested: BackendName | null) {
    return selectBackend({ requested });
  }

  selfCheck(size: number) {
    return runMatmulSelfCheck(size);
  }

  start(config: ExperimentConfig, scorers?: string[]) {
    return this.session.run(config, scorers, (event) => this.listeners.emit(event), this.upload ?? undefined);
  }

  setUploadedDataset(upload: Uint8Array | null): void {
    this.upload = upload;
  }

  stop(): void {
    this.session.stop();
  }

  subscribe(listener: EngineListener): () => void {
    return this.listeners.add(listener);
  }

  onFailure(): () => void {
    return () => {}; // nothing to lose: no worker, no device watch on this thread
  }

  simulateFailure(): Promise<void> {
    return Promise.reject(new Error('LocalEngine has no worker or GPU device to fail'));
  }

  dispose(): void {
    this.session.stop();
  }
}
