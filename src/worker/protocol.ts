import type { BackendName } from '../core/backend/backendNames';
import type { CapabilityReport } from '../core/backend/selectBackend';
import type { SelfCheckResult } from '../core/backend/selfCheck';

/** Bumped whenever a message shape changes; both sides refuse a mismatch instead of misreading it. */
export const PROTOCOL_VERSION = 1;

export type RequestBody =
  | { type: 'init-backend'; requested: BackendName | null }
  | { type: 'self-check'; size: number };

export type ResponseBody =
  | { type: 'backend-ready'; report: CapabilityReport }
  | { type: 'self-check-result'; result: SelfCheckResult };

export interface WorkerRequest {
  v: typeof PROTOCOL_VERSION;
  id: number;
  body: RequestBody;
}

export type WorkerResponse =
  | { v: typeof PROTOCOL_VERSION; id: number; ok: true; body: ResponseBody }
  | { v: typeof PROTOCOL_VERSION; id: number; ok: false; error: string };

/** The response body type that answers a given request type. */
export type ResponseFor<T extends RequestBody['type']> = T extends 'init-backend'
  ? Extract<ResponseBody, { type: 'backend-ready' }>
  : Extract<ResponseBody, { type: 'self-check-result' }>;
