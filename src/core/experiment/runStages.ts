import * as tf from '@tensorflow/tfjs';
import { totalPhaseFlops } from '../accounting/stepLedger';
import { referenceBatchSize } from '../config/experimentConfig';
import { usesScorerModel, type LossesByModel } from '../selection/selectionPolicy';
import { NonFiniteScoreError, selectSubBatch } from '../selection/selectSubBatch';
import { divergedAtStep, type EarlyStop } from './earlyStop';
import type { LivePipeline } from './events';
import type { RunResult } from './resultTypes';
import { buildRunResult } from './runResult';
import type { RunState } from './runState';
import { TrainingDivergedError } from './trainingDiverged';
import { perExampleLosses, trainOn } from './trainees';

/**
 * The stages of one run, each a line of runPolicy's loop (docs/architecture.md, "Run click to chart
 * point"). Each reads and updates the RunState; none keeps state of its own.
 */

/** Announces the run (with its curve so far when it resumes from a checkpoint). */
export function announceRun(state: RunState, resumed: boolean): void {
  const { config, emit } = state.ctx;
  const scorer = usesScorerModel(state.policy) ? config.scorer : null;
  emit({
    type: 'run-started',
    runId: state.runId,
    policy: state.policyName,
    scorer,
    totalSteps: config.steps,
    ...(state.ctx.classes ? { classNames: state.ctx.classes.names, hardClasses: state.ctx.classes.hard } : {}),
    ...(resumed ? { resumedAt: state.step, curve: state.recorder.points } : {}),
  });
}

/** Evaluates the learner on the test split: a curve point at the current step, and the last selection made. */
export async function evaluate(state: RunState): Promise<void> {
  const { task, test, emit } = state.ctx;
  const { accuracy, retrieval, classHits } = await task.evaluate(state.learner().model, test);
  state.lastRetrieval = retrieval;
  const point = state.recorder.point(state.step, accuracy, totalPhaseFlops(state.phaseFlops), state.wallMs(), classHits);
  emit({ type: 'evaluation', runId: state.runId, point });
  if (state.lastSample) emit({ type: 'selection', runId: state.runId, sample: state.lastSample });
}

/**
 * Scores the super-batch with the policy's models and picks b of it (selectSubBatch); returns the
 * train-split indices of the b picked examples.
 */
export async function selectFromSuperBatch(state: RunState, superBatch: Int32Array): Promise<Int32Array> {
  const { config, train } = state.ctx;
  const step = state.step + 1;
  if (!state.policy.score) {
    // The IID baseline scores nothing; its sample shows just the b examples it trains on.
    const { positions } = selectSubBatch(state.policy, {}, config.batchSize, config.temperature, state.rng);
    const selected = positions.map((p) => superBatch[p] as number);
    state.lastSample = { step, superBatch: Array.from(selected), selected: Array.from(positions), scores: null, losses: {} };
    return selected;
  }
  const { images, labels } = train.batch(superBatch);
  try {
    const losses = await state.timed('scoring', () => scoringLosses(state, images, labels));
    const choice = selectOrDiverge(state, losses, step);
    state.lastSample = {
      step,
      superBatch: Array.from(superBatch),
      selected: Array.from(choice.positions),
      scores: choice.scores && Array.from(choice.scores),
      losses: Object.fromEntries(Object.entries(losses).map(([k, v]) => [k, Array.from(v)])),
    };
    return choice.positions.map((p) => superBatch[p] as number);
  } finally {
    tf.dispose([images, labels]);
  }
}

/**
 * Trains an online reference as the paper does: alongside the learner, on its own larger batch
 * (referenceBatchFactor × b examples, from its own pass over the same training stream) at 2× the
 * learning rate. Runs after this step's scoring, so a step is scored by the reference of the step before.
 */
export async function trainOnlineReference(state: RunState, learningRate: number): Promise<void> {
  const { onlineReference } = state.trainees;
  if (!onlineReference || !state.referenceSampler) return;
  const { config, train } = state.ctx;
  const { images, labels } = train.batch(state.referenceSampler.next(referenceBatchSize(config)));
  try {
    const loss = await state.timed('reference', () => trainOn(onlineReference, images, labels, 2 * learningRate, config.labelSmoothing));
    if (!Number.isFinite(loss)) throw divergedAt(state, 'online reference', loss, state.step + 1, ' — the reference trains at 2×');
  } finally {
    tf.dispose([images, labels]);
  }
}

/** Trains the learner, and the online student, on the picked examples; returns the learner's loss. */
export async function trainOnSelected(state: RunState, selected: Int32Array, learningRate: number): Promise<number> {
  return onPicked(state, selected, async (images, labels) => {
    const loss = await learnerUpdate(state, images, labels, learningRate);
    await onlineUpdate(state, images, labels, learningRate);
    return loss;
  });
}

/** A pipeline's learner side: trains the learner on the picked examples; returns its loss (recordStep checks it). */
export async function trainLearner(state: RunState, selected: Int32Array, learningRate: number): Promise<number> {
  return onPicked(state, selected, (images, labels) => learnerUpdate(state, images, labels, learningRate));
}

/** A pipeline's scorer side: trains the online student (when the policy has one) on the picked examples. */
export async function trainOnlineStudent(state: RunState, selected: Int32Array, learningRate: number): Promise<void> {
  if (state.trainees.online) await onPicked(state, selected, (images, labels) => onlineUpdate(state, images, labels, learningRate));
}

async function onPicked<T>(
  state: RunState,
  selected: Int32Array,
  work: (images: tf.Tensor2D, labels: tf.Tensor1D) => Promise<T>,
): Promise<T> {
  const { images, labels } = state.ctx.train.batch(selected);
  try {
    return await work(images, labels);
  } finally {
    tf.dispose([images, labels]);
  }
}

function learnerUpdate(state: RunState, images: tf.Tensor2D, labels: tf.Tensor1D, learningRate: number): Promise<number> {
  const learner = state.learner();
  return state.timed('learner', () => trainOn(learner, images, labels, learningRate, state.ctx.config.labelSmoothing));
}

async function onlineUpdate(state: RunState, images: tf.Tensor2D, labels: tf.Tensor1D, learningRate: number): Promise<void> {
  const { online } = state.trainees;
  if (!online) return;
  const loss = await state.timed('online', () => trainOn(online, images, labels, learningRate, state.ctx.config.labelSmoothing));
  if (!Number.isFinite(loss)) throw divergedAt(state, 'online model', loss, state.step + 1);
}

/** Books the step: its number, the FLOP ledger, the learner's loss, the corrupted share and the classes of the pick. */
export function recordStep(state: RunState, loss: number, selected: Int32Array, learningRate: number): void {
  const { config, train, emit } = state.ctx;
  state.advance();
  if (!Number.isFinite(loss)) throw divergedAt(state, 'learner', loss, state.step);
  let corrupted = 0;
  for (const i of selected) if (train.split.corruption[i] !== 0) corrupted++;
  state.recorder.addStep(loss, corrupted, config.batchSize);
  state.recorder.addPicks(train.split.labels, train.split.trueLabels, selected);
  const { step, runId } = state;
  emit({
    type: 'step',
    runId,
    step,
    totalSteps: config.steps,
    trainLoss: loss,
    learningRate,
    wallMs: state.wallMs(),
    flops: totalPhaseFlops(state.phaseFlops),
    ...livePipeline(state),
  });
}

/** A pipelined run's live overlap figures for its step event (nothing for a sequential run). */
function livePipeline(state: RunState): { pipeline?: LivePipeline } {
  const report = state.pipelineReport;
  if (report?.mode !== 'pipelined' || !state.pipelineTimes) return {};
  const { depth, learnerBusy, scorerBusy } = report;
  return {
    pipeline: {
      depth: depth ?? 0,
      learnerBusy: learnerBusy ?? 0,
      scorerBusy: scorerBusy ?? 0,
      queueFill: state.pipelineTimes.lastQueueFill,
    },
  };
}

export function isEvaluationStep(state: RunState): boolean {
  const { config } = state.ctx;
  return state.step % config.evalEvery === 0 || state.step === config.steps;
}

/** Checkpoints every `checkpointEvery` steps, but not after the last step (the result follows). */
export function isCheckpointStep(state: RunState): boolean {
  const { onCheckpoint, checkpointEvery, config } = state.ctx;
  return Boolean(onCheckpoint && checkpointEvery && state.step % checkpointEvery === 0 && state.step < config.steps);
}

/** Ends the run (after a last evaluation if the current step has none) and reports its result. */
export async function finishRun(state: RunState, stoppedEarly?: EarlyStop): Promise<RunResult> {
  if (state.recorder.lastStep !== state.step) await evaluate(state);
  const { online, onlineReference } = state.trainees;
  // The scorers' final clean test accuracy: bad students should end below the learner.
  if (online) state.onlineTestAccuracy = (await state.ctx.task.evaluate(online.model, state.ctx.test)).accuracy;
  if (onlineReference) state.onlineReferenceTestAccuracy = (await state.ctx.task.evaluate(onlineReference.model, state.ctx.test)).accuracy;
  const run = buildRunResult(state, state.step, stoppedEarly);
  state.ctx.emit({ type: 'run-finished', runId: state.runId, run });
  return run;
}

async function scoringLosses(state: RunState, images: tf.Tensor2D, labels: tf.Tensor1D): Promise<LossesByModel> {
  const losses: LossesByModel = {};
  for (const m of state.policy.models) losses[m] = await perExampleLosses(state.ctx.task, state.scoringModel(m), images, labels);
  return losses;
}

function selectOrDiverge(state: RunState, losses: LossesByModel, step: number) {
  const { config } = state.ctx;
  try {
    return selectSubBatch(state.policy, losses, config.batchSize, config.temperature, state.rng);
  } catch (error) {
    if (error instanceof NonFiniteScoreError) throw divergedAt(state, 'scorer', Number.NaN, step);
    throw error;
  }
}

/** A loss that stopped being finite at `step`: the error carries the run up to the step before. */
function divergedAt(state: RunState, what: string, loss: number, step: number, extra = ''): TrainingDivergedError {
  const { config } = state.ctx;
  const message = `${what} loss became ${loss} at step ${step} (${state.policyName} run); lower learningRate (now ${config.learningRate})${extra} and run again`;
  return new TrainingDivergedError(message, buildRunResult(state, step - 1, divergedAtStep(step)));
}
