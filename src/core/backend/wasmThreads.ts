import * as tf from '@tensorflow/tfjs';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/** What the wasm backend runs on: how many threads, and why not every core when it is fewer. */
export interface WasmThreading {
  threads: number;
  /** Null when every core is used; otherwise why the single-threaded SIMD build runs instead. */
  reason: string | null;
}

/** What the runtime offers threads with; each field as the global scope reports it (absent in Node). */
export interface ThreadingEnvironment {
  isNode: boolean;
  crossOriginIsolated: boolean | undefined;
  hardwareConcurrency: number | undefined;
}

export const NODE_NO_THREADS_REASON = 'tfjs-backend-wasm has no threads in Node (tensorflow/tfjs#3830)';

/**
 * Threads for the wasm backend: every core when the page is cross-origin isolated (the threaded-SIMD
 * build needs SharedArrayBuffer), one otherwise, with the reason shown to the user.
 */
export function planWasmThreads(env: ThreadingEnvironment): WasmThreading {
  if (env.isNode) return { threads: 1, reason: NODE_NO_THREADS_REASON };
  if (env.crossOriginIsolated !== true) {
    return { threads: 1, reason: 'page not cross-origin isolated (serve it with COOP same-origin + COEP require-corp)' };
  }
  const cores = env.hardwareConcurrency;
  if (cores === undefined || !Number.isInteger(cores) || cores < 1)
    return { threads: 1, reason: 'the browser does not report its core count' };
  return { threads: cores, reason: null };
}

/** The environment of this global scope (page, worker or Node). */
export function currentThreadingEnvironment(): ThreadingEnvironment {
  const scope = globalThis as { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } };
  return {
    isNode: tf.env().getBool('IS_NODE'),
    crossOriginIsolated: scope.crossOriginIsolated,
    hardwareConcurrency: scope.navigator?.hardwareConcurrency,
  };
}

/** Sets the thread count the wasm backend starts with; takes effect at its next initialisation. */
export function applyWasmThreadPlan(plan: WasmThreading): void {
  setThreadsCount(plan.threads);
}

/**
 * Restarts the wasm backend with another thread count and makes it active (the bench's 1-thread vs
 * all-threads comparison). Every tensor on the old wasm backend is lost: call it with none alive.
 * (tfjs's getThreadsCount() is not used to check it: in Chromium 2 threads read back as 1 while the
 * step time shows both cores at work; the bench's speedup row is the evidence.)
 */
export async function restartWasmWithThreads(threads: number): Promise<void> {
  const factory = tf.findBackendFactory('wasm');
  if (factory === null) throw new Error('wasm backend is not registered');
  setThreadsCount(threads);
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', factory, 2);
  if (!(await tf.setBackend('wasm'))) throw new Error(`wasm backend failed to restart with ${threads} threads`);
  await tf.ready();
}
