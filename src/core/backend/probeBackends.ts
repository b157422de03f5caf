import { trainStepWork } from '../bench/benchMeasures';
import type { BackendName } from './backendNames';
import type { ProbeTiming } from './backendProbe';
import { trySetBackend } from './selectBackend';

/** The micro learner the probe trains: the smallest ViT on a small batch, so a GPU's shader compile stays short. */
export const PROBE_VARIANT = 'ViT-Mu/8';
export const PROBE_BATCH = 16;
/** The whole probe's budget; each backend gets an equal share (a step already started is not cut short). */
export const PROBE_BUDGET_MS = 2000;
const MAX_TIMED_STEPS = 3;

/**
 * Times a few micro-learner training steps on each candidate backend: one warm-up step, then timed
 * steps until its share of the budget is spent. A backend whose warm-up alone spends its share is
 * timed by that warm-up (an upper bound, noted). Leaves whichever backend ran last active.
 */
export async function probeBackends(candidates: readonly BackendName[], budgetMs = PROBE_BUDGET_MS): Promise<ProbeTiming[]> {
  const share = budgetMs / Math.max(1, candidates.length);
  const timings: ProbeTiming[] = [];
  for (const backend of candidates) {
    const failure = await trySetBackend(backend);
    if (failure !== null) {
      timings.push({ backend, msPerStep: null, note: failure });
      continue;
    }
    timings.push(await timeSteps(backend, share));
  }
  return timings;
}

async function timeSteps(backend: BackendName, shareMs: number): Promise<ProbeTiming> {
  let step: ReturnType<typeof trainStepWork> | null = null;
  try {
    step = trainStepWork(PROBE_VARIANT, PROBE_BATCH);
    const started = performance.now();
    await step.work();
    const warmupMs = performance.now() - started;
    const times: number[] = [];
    while (times.length < MAX_TIMED_STEPS && performance.now() - started < shareMs) {
      const t0 = performance.now();
      await step.work();
      times.push(performance.now() - t0);
    }
    if (times.length === 0) return { backend, msPerStep: warmupMs, note: `warm-up step only (${warmupMs.toFixed(0)} ms, over the probe's share)` };
    times.sort((a, b) => a - b);
    return { backend, msPerStep: times[Math.floor(times.length / 2)] as number };
  } catch (error) {
    return { backend, msPerStep: null, note: `probe step failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    step?.dispose();
  }
}
