import { trainStepWork } from '../bench/benchMeasures';
import type { BackendName } from './backendNames';
import type { ProbeTiming } from './backendProbe';
import { trySetBackend } from './selectBackend';

/** The micro learner the probe trains: the smallest ViT on a small batch, so a GPU's shader compile stays short. */
export const PROBE_VARIANT = 'ViT-Mu/8';
export const PROBE_BATCH = 16;
/** The whole probe's budget. */
export const PROBE_BUDGET_MS = 2000;
/** WASM is probed first and briefly: its steps are short and need no compile. */
const WASM_SHARE = 0.2;
const MAX_TIMED_STEPS = 3;

/** Fastest-to-measure first: wasm (no compile), then the GPU backends with the rest of the budget. */
export function probeOrder(candidates: readonly BackendName[]): BackendName[] {
  return [...candidates].sort((a, b) => Number(b === 'wasm') - Number(a === 'wasm'));
}

/**
 * Times a few micro-learner training steps on each candidate: one warm-up step, then timed steps while
 * its share of the budget lasts. A backend that cannot finish its warm-up step within its share (a
 * software GPU compiling shaders) is cut off (wasm's warm-up always runs to its end), and timed as "over" that share: it ranks behind any backend
 * that finished, and its abandoned step is cleaned up when it ends. Leaves the last backend tried active.
 */
export async function probeBackends(candidates: readonly BackendName[], budgetMs = PROBE_BUDGET_MS): Promise<ProbeTiming[]> {
  const order = probeOrder(candidates);
  const timings: ProbeTiming[] = [];
  const started = performance.now();
  for (const [i, backend] of order.entries()) {
    const left = budgetMs - (performance.now() - started);
    const share = backend === 'wasm' && order.length > 1 ? budgetMs * WASM_SHARE : left / (order.length - i);
    const failure = await trySetBackend(backend);
    if (failure !== null) {
      timings.push({ backend, msPerStep: null, note: failure });
      continue;
    }
    timings.push(await timeSteps(backend, Math.max(share, 1)));
  }
  return timings;
}

const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

async function timeSteps(backend: BackendName, shareMs: number): Promise<ProbeTiming> {
  let step: ReturnType<typeof trainStepWork> | null = null;
  let abandoned = false;
  try {
    step = trainStepWork(PROBE_VARIANT, PROBE_BATCH);
    const started = performance.now();
    const warmup = step.work();
    // Only a GPU backend is cut off: its first step may be a long shader compile. A CPU step always ends.
    const gpu = backend === 'webgpu' || backend === 'webgl';
    if ((await Promise.race([warmup, gpu ? timeout(shareMs) : new Promise<never>(() => undefined)])) === 'timeout') {
      abandoned = true;
      const leftover = step;
      void warmup.finally(() => leftover.dispose()).catch(() => undefined);
      return { backend, msPerStep: null, overMs: shareMs, note: `no step finished within ${shareMs.toFixed(0)} ms` };
    }
    const times: number[] = [];
    while (times.length < MAX_TIMED_STEPS && performance.now() - started < shareMs) {
      const t0 = performance.now();
      await step.work();
      times.push(performance.now() - t0);
    }
    if (times.length === 0) {
      const warmupMs = performance.now() - started;
      return { backend, msPerStep: warmupMs, note: `warm-up step only (${warmupMs.toFixed(0)} ms, the whole share)` };
    }
    times.sort((a, b) => a - b);
    return { backend, msPerStep: times[Math.floor(times.length / 2)] as number };
  } catch (error) {
    return { backend, msPerStep: null, note: `probe step failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    if (!abandoned) step?.dispose();
  }
}
