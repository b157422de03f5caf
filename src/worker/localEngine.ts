import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../core/backend/backendNames';
import { selectBackend } from '../core/backend/selectBackend';
import { runMatmulSelfCheck } from '../core/backend/selfCheck';
import type { ExperimentConfig } from '../core/config/experimentConfig';
import type { DatasetFileReader } from '../core/data/datasetRegistry';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import { Listeners, type CheckpointListener, type Engine, type EngineListener, type StartOptions } from './engine';
import { ExperimentSession } from './experimentSession';

/** The Engine on the calling thread: for tests and Node. Same session code as the worker. */
export class LocalEngine implements Engine {
  private readonly listeners = new Listeners();
  private readonly checkpoints = new Listeners<ExperimentCheckpoint>();
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

  start(config: ExperimentConfig, options: StartOptions = {}) {
    return this.session.run(config, options, (event) => this.listeners.emit(event), {
      ...(this.upload ? { upload: this.upload } : {}),
      onCheckpoint: (checkpoint) => this.checkpoints.emit(checkpoint),
    });
  }

  onCheckpoint(listener: CheckpointListener): () => void {
    return this.checkpoints.add(listener);
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
