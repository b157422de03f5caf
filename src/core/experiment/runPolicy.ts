import { superBatchSize, type PolicyName } from '../config/experimentConfig';
import { learningRateAt } from '../train/schedule';
import { yieldToEventLoop } from '../train/yieldToEventLoop';
import { stoppedByUser } from './earlyStop';
import type { RunResult } from './resultTypes';
import type { RunContext } from './runContext';
import {
  announceRun,
  evaluate,
  finishRun,
  isCheckpointStep,
  isEvaluationStep,
  recordStep,
  selectFromSuperBatch,
  trainOnlineReference,
  trainOnSelected,
} from './runStages';
import { RunState } from './runState';

/**
 * One training run (docs/architecture.md, "Run click to chart point"). Each step draws a
 * super-batch of B = ρ·b from the same seeded stream whatever the policy; the policy scores it and
 * b examples are sampled ∝ softmax(score/τ); the learner (and the online student) train on those b;
 * an online reference trains on its own referenceBatchFactor × b examples. `uniform` skips scoring
 * and trains on the first b of the super-batch: b uniform examples. A loss that stops being finite throws TrainingDivergedError.
 */
export async function runPolicy(ctx: RunContext, policy: PolicyName, runId: string): Promise<RunResult> {
  const { config, resumeFrom } = ctx;
  const state = new RunState(ctx, policy, runId);
  try {
    if (resumeFrom) state.restore(resumeFrom);
    announceRun(state, Boolean(resumeFrom));
    if (!resumeFrom) await evaluate(state);
    while (state.step < config.steps) {
      await yieldToEventLoop();
      if (ctx.shouldStop?.()) return await finishRun(state, stoppedByUser());
      const lr = learningRateAt(state.step, config.steps, config.learningRate, config.warmupFraction);
      const selected = await selectFromSuperBatch(state, state.sampler.next(superBatchSize(config)));
      await trainOnlineReference(state, lr);
      const loss = await trainOnSelected(state, selected, lr);
      recordStep(state, loss, selected, lr);
      if (isEvaluationStep(state)) await evaluate(state);
      if (isCheckpointStep(state)) await ctx.onCheckpoint?.(await state.snapshot());
    }
    return await finishRun(state);
  } finally {
    state.dispose();
  }
}
