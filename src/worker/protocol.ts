import type { BackendName } from '../core/backend/backendNames';
import type { CapabilityReport } from '../core/backend/selectBackend';
import type { SelfCheckResult } from '../core/backend/selfCheck';
import type { ExperimentConfig } from '../core/config/experimentConfig';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import type { ExperimentEvent } from '../core/experiment/events';
import type { ExperimentResult } from '../core/experiment/resultTypes';

/** Why the worker stopped on its own (a crash is seen by the engine instead, as an error event). */
export type FatalCause = 'device-lost';

/** Bumped whenever a message shape changes; both sides refuse a mismatch instead of misreading it. */
export const PROTOCOL_VERSION = 5;

export interface StartExperiment {
  type: 'start-experiment';
  config: ExperimentConfig;
  /** Scorer ladder to sweep; default just config.scorer. */
  scorers?: string[];
  /** Continue from this checkpoint of the same experiment. */
  resume?: ExperimentCheckpoint;
  /** With `dataset: custom`: the uploaded dataset, encoded (core/data/upload/labImageSetCodec). */
  upload?: Uint8Array;
}

export type RequestBody =
  /** probeCache: the page's stored backend-probe results (the worker has no localStorage); absent = probe afresh. */
  | { type: 'init-backend'; requested: BackendName | null; probeCache?: unknown }
  | { type: 'self-check'; size: number }
  | StartExperiment
  | { type: 'stop-experiment' }
  /** Test affordances (e2e): crash the worker, or lose the WebGPU device, as the real failures would. */
  | { type: 'simulate-failure'; failure: 'worker-crash' | 'device-loss' };

export type ResponseBody =
  | { type: 'backend-ready'; report: CapabilityReport }
  | { type: 'self-check-result'; result: SelfCheckResult }
  | { type: 'experiment-result'; result: ExperimentResult }
  | { type: 'stopping' }
  | { type: 'failure-scheduled' };

export interface WorkerRequest {
  v: typeof PROTOCOL_VERSION;
  id: number;
  body: RequestBody;
}

/** Responses answer one request; events stream while an experiment runs (request id of its start). */
export type WorkerMessage =
  | { v: typeof PROTOCOL_VERSION; kind: 'response'; id: number; ok: true; body: ResponseBody }
  | { v: typeof PROTOCOL_VERSION; kind: 'response'; id: number; ok: false; error: string }
  | { v: typeof PROTOCOL_VERSION; kind: 'event'; id: number; event: ExperimentEvent }
  /** A checkpoint of the experiment started by request `id` (kept by the app to resume after a crash). */
  | { v: typeof PROTOCOL_VERSION; kind: 'checkpoint'; id: number; checkpoint: ExperimentCheckpoint }
  /** The worker cannot go on (`cause`: why; today only a lost GPU device): the engine restarts it. */
  | { v: typeof PROTOCOL_VERSION; kind: 'fatal'; cause: FatalCause; error: string };

type ResponseMap = {
  'init-backend': 'backend-ready';
  'self-check': 'self-check-result';
  'start-experiment': 'experiment-result';
  'stop-experiment': 'stopping';
  'simulate-failure': 'failure-scheduled';
};

/** The response body type that answers a given request type. */
export type ResponseFor<T extends RequestBody['type']> = Extract<ResponseBody, { type: ResponseMap[T] }>;
