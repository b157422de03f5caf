import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BACKEND_ORDER, type BackendName } from './backendNames';
import type { BackendProbeSummary } from './backendProbe';
import { applyWasmThreadPlan, currentThreadingEnvironment, planWasmThreads, type WasmThreading } from './wasmThreads';
import { describeWebGpuAdapter, type AdapterInfo } from './webgpuAdapter';

export interface SkippedBackend {
  backend: BackendName;
  reason: string;
}

/** What the lab ended up running on, and why each better backend was not used. */
export interface CapabilityReport {
  backend: BackendName;
  requested: BackendName | null;
  adapter: AdapterInfo | null;
  skipped: SkippedBackend[];
  /** On wasm: the threads it runs on, and why not every core when fewer. */
  threads?: WasmThreading;
  /** When the backend was picked by measurement (no `?backend=`): the timings and why the winner won. */
  probe?: BackendProbeSummary;
}

export interface SelectBackendOptions {
  /** Try this backend first; fall back along BACKEND_ORDER after it if it fails. */
  requested?: BackendName | null;
  /** Where the wasm binaries live (the app passes Vite-served URLs; Node finds them itself). */
  wasmPaths?: Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;
}

let wasmPathsSet = false;

/** Candidates in the order they are tried: the requested one first, then everything below it. */
export function candidateOrder(requested: BackendName | null): BackendName[] {
  if (requested === null) return [...BACKEND_ORDER];
  const start = BACKEND_ORDER.indexOf(requested);
  return BACKEND_ORDER.slice(start);
}

/**
 * Picks the best working backend: webgpu → webgl → wasm → cpu (or the requested one first).
 * A backend only counts as chosen when `setBackend` resolved true AND `getBackend()` names it;
 * otherwise the next one is tried, so there is never a half-switched state.
 */
export async function selectBackend(options: SelectBackendOptions = {}): Promise<CapabilityReport> {
  const requested = options.requested ?? null;
  const threadPlan = prepareBackends(options);
  const skipped: SkippedBackend[] = [];
  for (const backend of candidateOrder(requested)) {
    let adapter: AdapterInfo | null = null;
    if (backend === 'webgpu') {
      const probe = await describeWebGpuAdapter();
      if (!probe.ok) {
        skipped.push({ backend, reason: probe.reason });
        continue;
      }
      adapter = probe.adapter;
    }
    const reason = await trySetBackend(backend);
    if (reason === null) {
      if (backend !== 'wasm') return { backend, requested, adapter, skipped };
      return { backend, requested, adapter, skipped, threads: threadPlan };
    }
    skipped.push({ backend, reason });
  }
  // cpu is always registered with tfjs, so reaching this means tfjs itself is broken.
  throw new Error(`No tfjs backend could be initialised: ${skipped.map((s) => `${s.backend} (${s.reason})`).join('; ')}`);
}

/** Points tfjs at the wasm binaries (once) and sets the wasm thread count; call before any backend starts. */
export function prepareBackends(options: Pick<SelectBackendOptions, 'wasmPaths'>): WasmThreading {
  if (options.wasmPaths && !wasmPathsSet) {
    setWasmPaths(options.wasmPaths);
    wasmPathsSet = true;
  }
  const threadPlan = planWasmThreads(currentThreadingEnvironment());
  applyWasmThreadPlan(threadPlan);
  return threadPlan;
}

/** Returns null on success, or why the backend could not be used. */
export async function trySetBackend(backend: BackendName): Promise<string | null> {
  if (tf.findBackendFactory(backend) === null) return 'not available in this environment';
  let ok = false;
  try {
    ok = await tf.setBackend(backend);
    await tf.ready();
  } catch (error) {
    return `initialisation failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!ok) return 'initialisation failed (setBackend resolved false)';
  if (tf.getBackend() !== backend) return `tfjs reports "${tf.getBackend()}" after switching`;
  return null;
}
