import type { PolicyName } from '../config/experimentConfig';
import { divergedAtStep, stoppedByUser } from '../experiment/earlyStop';
import type { RunResult } from '../experiment/resultTypes';
import type { RunContext } from '../experiment/runContext';
import { buildRunResult } from '../experiment/runResult';
import { announceRun, evaluate, finishRun, isCheckpointStep, isEvaluationStep, recordStep, trainLearner } from '../experiment/runStages';
import { RunState } from '../experiment/runState';
import { TrainingDivergedError } from '../experiment/trainingDiverged';
import { learningRateAt } from '../train/schedule';
import { yieldToEventLoop } from '../train/yieldToEventLoop';
import { pipelinedReport, ZERO_PIPELINE_TIMES } from './pipelineTimes';
import type { FinishedMessage, PickedSubBatch, ScorerLink } from './scorerMessages';

/**
 * A pipelined run's learner side (docs/architecture.md, "Pipeline"): the loop of runPolicy with the
 * scorer stages replaced by `scorer.take()`. It trains the learner on each step's picks, books the
 * step (ledger, curve, events), evaluates and checkpoints; a checkpoint joins the learner's state
 * with the scorer side's state shipped with that step, so it is the checkpoint a sequential run
 * takes at the same step. The scorer side is closed whatever happens.
 */
export async function runPipelined(
  ctx: RunContext,
  policy: PolicyName,
  runId: string,
  scorer: ScorerLink,
  where: 'worker' | 'in-process',
): Promise<RunResult> {
  const { config, resumeFrom } = ctx;
  const state = new RunState(ctx, policy, runId, 'learner');
  state.pipelineTimes = { ...ZERO_PIPELINE_TIMES };
  const report = () => (state.pipelineReport = pipelinedReport(state.phaseWallMs, state.pipelineTimes!, config.pipelineDepth, where));
  try {
    if (resumeFrom) state.restore(resumeFrom);
    await scorer.ready();
    report();
    announceRun(state, Boolean(resumeFrom));
    if (!resumeFrom) await evaluate(state);
    while (state.step < config.steps) {
      await yieldToEventLoop();
      if (ctx.shouldStop?.()) {
        reportScorerModels(state, await scorer.finishEarly());
        return await finishRun(state, stoppedByUser());
      }
      const batch = await takePicked(state, scorer);
      const lr = learningRateAt(state.step, config.steps, config.learningRate, config.warmupFraction);
      const loss = await trainLearner(state, batch.selected, lr);
      report();
      recordStep(state, loss, batch.selected, lr);
      if (isEvaluationStep(state)) await evaluate(state);
      if (isCheckpointStep(state)) await ctx.onCheckpoint?.(await joinedCheckpoint(state, batch));
    }
    const finished = await scorer.take();
    if (finished.kind !== 'finished') throw new Error(`pipeline of ${runId}: expected the scorer side to finish, got ${finished.kind}`);
    reportScorerModels(state, finished);
    return await finishRun(state);
  } finally {
    await scorer.close();
    state.dispose();
  }
}

/** The scorer side's models' clean test accuracy in the run's result (bad students should end below the learner). */
function reportScorerModels(state: RunState, finished: FinishedMessage | null): void {
  state.onlineTestAccuracy = finished?.onlineTestAccuracy ?? null;
  state.onlineReferenceTestAccuracy = finished?.onlineReferenceTestAccuracy ?? null;
}

/** The next step's picks: books the wait and the scorer side's phases; a scorer-side divergence ends the run as in sequential mode. */
async function takePicked(state: RunState, scorer: ScorerLink): Promise<PickedSubBatch> {
  const times = state.pipelineTimes!;
  const fill = scorer.queued();
  const started = performance.now();
  const message = await scorer.take();
  times.queueWaitMs += performance.now() - started;
  times.queueFillSum += fill;
  times.lastQueueFill = fill;
  times.takes++;
  if (message.kind === 'diverged')
    throw new TrainingDivergedError(message.message, buildRunResult(state, state.step, divergedAtStep(message.step)));
  if (message.kind !== 'picked' || message.batch.step !== state.step + 1) {
    const got = message.kind === 'picked' ? `step ${message.batch.step}` : message.kind;
    throw new Error(`pipeline of ${state.runId}: expected the picks of step ${state.step + 1}, got ${got}`);
  }
  const { batch } = message;
  state.phaseWallMs.scoring += batch.scoringMs;
  state.phaseWallMs.online += batch.onlineMs;
  state.phaseWallMs.reference += batch.referenceMs;
  times.scorerBusyMs += batch.scoringMs + batch.onlineMs + batch.referenceMs;
  times.scorerBlockedMs += batch.blockedMs;
  state.lastSample = batch.sample;
  return batch;
}

async function joinedCheckpoint(state: RunState, batch: PickedSubBatch) {
  if (!batch.scorerCheckpoint)
    throw new Error(`pipeline of ${state.runId}: step ${state.step} is a checkpoint step but came without the scorer side's state`);
  return { ...(await state.snapshot()), ...batch.scorerCheckpoint };
}
