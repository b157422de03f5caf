import type { CapabilityReport } from '../core/backend/selectBackend';
import type { SelfCheckResult } from '../core/backend/selfCheck';
import type { BackendName } from '../core/backend/backendNames';
import type { ExperimentConfig } from '../core/config/experimentConfig';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import type { ExperimentEvent } from '../core/experiment/events';
import type { ExperimentResult } from '../core/experiment/resultTypes';

export type EngineListener = (event: ExperimentEvent) => void;
export type CheckpointListener = (checkpoint: ExperimentCheckpoint) => void;

export interface StartOptions {
  /** Scorer variants to sweep (the scorer ladder); default: just config.scorer. */
  scorers?: string[];
  /** Continue from a checkpoint of this same experiment. */
  resume?: ExperimentCheckpoint;
}

/** What the UI talks to, whether training runs in a Web Worker or on this thread (tests). */
export interface Engine {
  /** `requested` wins; otherwise the fastest backend by a short probe, or by `probeCache` (stored probe results). */
  initBackend(requested: BackendName | null, probeCache?: unknown): Promise<CapabilityReport>;
  /** The backend the last initBackend chose (null before one, and after a failure until the next). */
  readonly backend: BackendName | null;
  selfCheck(size: number): Promise<SelfCheckResult>;
  /** Resolves with the finished (or stopped) experiment; events stream to subscribers meanwhile. */
  start(config: ExperimentConfig, options?: StartOptions): Promise<ExperimentResult>;
  stop(): void;
  /** The uploaded dataset (encoded) that runs with `dataset: custom` train on; null forgets it. */
  setUploadedDataset(upload: Uint8Array | null): void;
  subscribe(listener: EngineListener): () => void;
  /** Checkpoints of the running experiment, every 10% of each run and between runs. */
  onCheckpoint(listener: CheckpointListener): () => void;
  /**
   * Called when the engine lost its worker or GPU device. The engine has already restarted (fresh
   * worker, no backend chosen yet): the caller re-initialises a backend and may start again.
   */
  onFailure(listener: (failure: EngineFailure) => void): () => void;
  /** Test affordance: make the real failure happen (worker crash, WebGPU device loss). */
  simulateFailure(failure: 'worker-crash' | 'device-loss'): Promise<void>;
  dispose(): void;
}

/** How the engine lost its worker: the worker crashed, or its GPU device was lost (then a smaller backend is tried). */
export interface EngineFailure {
  cause: 'worker-crash' | 'device-lost';
  message: string;
}

/** The engine lost its worker or GPU device mid-request (not an error of the request itself): worth resuming. */
export class EngineLostError extends Error {
  constructor(
    message: string,
    readonly failureCause: EngineFailure['cause'] = 'worker-crash',
  ) {
    super(message);
    this.name = 'EngineLostError';
  }
}

/** Listener bookkeeping shared by the engines. */
export class Listeners<T = ExperimentEvent> {
  private readonly set = new Set<(value: T) => void>();
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(value: T): void {
    for (const l of this.set) l(value);
  }
}
