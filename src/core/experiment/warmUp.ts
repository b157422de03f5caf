import * as tf from '@tensorflow/tfjs';
import { flops } from '../accounting/units';
import type { PolicyName } from '../config/experimentConfig';
import { deriveSeed } from '../random/rng';
import { POLICIES } from '../selection/policies';
import { usesReference } from '../selection/selectionPolicy';
import type { PretrainedReference } from './pretrainReference';
import type { RunContext } from './runContext';
import { runPolicy } from './runPolicy';
import { createTrainee, disposeTrainee } from './trainees';
import { TrainingDivergedError } from './trainingDiverged';

/**
 * The op-dispatch code (tfjs engine, kernels' JavaScript, V8's heap sizing) keeps getting faster for
 * the first few hundred training steps whatever the model size. Measured on wasm in Node (micro preset,
 * process CPU time per 40 learner steps): 822, 612, 570, 332, 350 … 323 ms without a warm-up;
 * after 200 steps of the cheapest model (ViT-Mu/8, ~1–2 s) the first block already costs what later
 * ones do (330, 390, 316, 331, 274 ms); after 100 steps it does not yet (462, 337, 343 …).
 */
export const JIT_WARM_UP_MODEL = 'ViT-Mu/8';
export const JIT_WARM_UP_STEPS = 200;
/** …or this much wall time, whichever ends first (an emulated GPU, e.g. SwiftShader, needs seconds a step). */
export const JIT_WARM_UP_MAX_MS = 5_000;
/** Backends whose op-dispatch code this process (tab, worker) has warmed: that warmth outlives an experiment. */
const warmedBackends = new Set<string>();
/** Steps of each run's own warm-up copy: every shape it times, reached twice (the first AdamW step differs). */
export const SHAPE_WARM_UP_STEPS = 2;

export interface WarmUpRun {
  policy: PolicyName;
  scorer: string;
}

/**
 * Warms the backend before the first timed run, so that the IID baseline (which always runs first)
 * does not alone pay its one-off costs: kernel compilation on WebGPU / WebGL, buffer and heap growth,
 * and the JIT compilation of the op-dispatch code. First JIT_WARM_UP_STEPS uniform steps of the
 * cheapest model (once per backend and process; at most JIT_WARM_UP_MAX_MS), then a few steps of a
 * throwaway copy of every run to come (its learner, scorers, batch sizes: learner update at b,
 * scoring at B, online-student and online-reference updates, evaluation); a held-out reference is stood in for by an untrained scorer. The copies go through
 * runPolicy itself and each builds its own models, sampler and selection stream from the seed, so
 * nothing the real runs draw is consumed and results stay bit-identical; only wall time changes.
 * Events are swallowed; nothing is checkpointed; a divergence is left for the real run to report.
 */
export async function warmUp(ctx: RunContext, runs: readonly WarmUpRun[]): Promise<void> {
  const { config, task, input, train, test, shouldStop } = ctx;
  const quiet = (steps: number, changes: Partial<RunContext['config']> = {}, stop = shouldStop): RunContext => ({
    config: { ...config, ...changes, steps, evalEvery: steps },
    task,
    input,
    train,
    test,
    emit: () => {},
    ...(stop ? { shouldStop: stop } : {}),
  });
  const quietly = async (run: RunContext, policy: PolicyName) => {
    if (shouldStop?.()) return;
    try {
      await runPolicy(run, policy, 'warm-up');
    } catch (error) {
      if (!(error instanceof TrainingDivergedError)) throw error;
    }
  };
  const backend = tf.getBackend();
  if (!warmedBackends.has(backend)) {
    const deadline = performance.now() + JIT_WARM_UP_MAX_MS;
    const stopJit = () => performance.now() > deadline || (shouldStop?.() ?? false);
    await quietly(quiet(JIT_WARM_UP_STEPS, { learner: JIT_WARM_UP_MODEL }, stopJit), 'uniform');
    if (!shouldStop?.()) warmedBackends.add(backend);
  }
  const steps = Math.min(config.steps, SHAPE_WARM_UP_STEPS);
  await quietly(quiet(steps), 'uniform');
  for (const { policy, scorer } of runs) {
    if (policy === 'uniform') continue;
    const run = quiet(steps, { scorer });
    const standIn =
      usesReference(POLICIES[policy]) && config.referenceMode === 'held-out'
        ? createTrainee(task, scorer, input, deriveSeed(config.seed, 'warm-up'), 0)
        : null;
    if (standIn) run.pretrainedReference = untrainedReference(standIn.model);
    try {
      await quietly(run, policy);
    } finally {
      if (standIn) disposeTrainee(standIn);
    }
  }
}

function untrainedReference(model: PretrainedReference['model']): PretrainedReference {
  return { model, flops: flops(0), examplesSeen: 0, wallMs: 0, testAccuracy: 0 };
}
