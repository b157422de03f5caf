import * as tf from '@tensorflow/tfjs';
import { ZERO_PHASE_FLOPS, addPhaseFlops, policyUsesReference, stepPhaseFlops, totalPhaseFlops, type PhaseFlops } from '../accounting/stepLedger';
import type { InputShape } from '../accounting/vitFlops';
import { superBatchSize, type ExperimentConfig, type PolicyName } from '../config/experimentConfig';
import { EpochSampler } from '../data/epochSampler';
import type { TrainableModel } from '../models/trainableModel';
import { createRng, deriveSeed } from '../random/rng';
import { POLICIES, usesScorerModel, type LossesByModel } from '../selection/policies';
import { gumbelTopK } from '../selection/sampler';
import type { Task } from '../tasks/task';
import type { DeviceSplit } from '../train/deviceData';
import type { RetrievalRecall } from '../train/evaluate';
import { learningRateAt } from '../train/schedule';
import { yieldToEventLoop } from '../train/yieldToEventLoop';
import { restoreTrainee, snapshotTrainee, type RunCheckpoint, type RunPhase } from './checkpoint';
import { CurveRecorder } from './curveRecorder';
import type { EventSink, SelectionSample } from './events';
import type { RunResult } from './resultTypes';
import { createTrainee, disposeTrainee, perExampleLosses, trainOn, type PretrainedReference } from './scoringModels';

export interface RunContext {
  config: ExperimentConfig;
  /** What the learner learns (classification or contrastive image–text); chosen by the dataset. */
  task: Task;
  input: InputShape;
  train: DeviceSplit;
  test: DeviceSplit;
  emit: EventSink;
  /** The frozen held-out reference, when the config asks for one and the policy uses it. */
  pretrainedReference?: PretrainedReference;
  /** Checked between steps; returning true ends the run early (its curve so far is kept). */
  shouldStop?: () => boolean;
  /** Continue this run from a checkpoint instead of step 0 (same config, same backend → same result). */
  resumeFrom?: RunCheckpoint;
  /** Receives a checkpoint every `checkpointEvery` steps (not after the last step). */
  onCheckpoint?: (checkpoint: RunCheckpoint) => Promise<void>;
  checkpointEvery?: number;
}

/** Raised when a loss stops being finite; carries the run so far so nothing finished is lost. */
export class TrainingDivergedError extends Error {
  constructor(
    message: string,
    readonly partial: RunResult,
  ) {
    super(message);
    this.name = 'TrainingDivergedError';
  }
}

/**
 * One training run (design §4). Each step draws a super-batch of B = ρ·b from the same seeded
 * stream whatever the policy; the policy scores it and b examples are sampled ∝ softmax(score/τ);
 * the learner (and the online student) train on those b; an online reference trains on all B.
 * `uniform` skips scoring and trains on the first b of the super-batch: b uniform examples.
 */
export async function runPolicy(ctx: RunContext, policyName: PolicyName, runId: string): Promise<RunResult> {
  const { config, task, input, train, test, emit } = ctx;
  const policy = POLICIES[policyName];
  const b = config.batchSize;
  const B = superBatchSize(config);
  const usesReference = policyUsesReference(policyName);
  const usesScorer = usesScorerModel(policyName);
  const heldOutReference = usesReference && config.referenceMode === 'held-out' ? ctx.pretrainedReference : undefined;
  if (usesReference && config.referenceMode === 'held-out' && !heldOutReference) throw new Error(`${policyName}: a held-out reference was not pretrained`);

  const learner = createTrainee(task, config.learner, input, deriveSeed(config.seed, 'learner'), config.weightDecay);
  const online = policy.models.includes('online') ? createTrainee(task, config.scorer, input, deriveSeed(config.seed, 'online'), config.weightDecay) : null;
  const onlineReference = usesReference && config.referenceMode === 'online' ? createTrainee(task, config.scorer, input, deriveSeed(config.seed, 'reference'), config.weightDecay) : null;
  const referenceModel: TrainableModel | null = heldOutReference?.model ?? onlineReference?.model ?? null;
  const resume = ctx.resumeFrom;
  if (resume) {
    if (resume.runId !== runId) throw new Error(`checkpoint is for run ${resume.runId}, not ${runId}`);
    restoreTrainee(learner, resume.learner);
    if (online && resume.online) restoreTrainee(online, resume.online);
    if (onlineReference && resume.onlineReference) restoreTrainee(onlineReference, resume.onlineReference);
  }
  const sampler = new EpochSampler(train.count, deriveSeed(config.seed, 'order'), resume?.sampler);
  const selectionRng = createRng(deriveSeed(config.seed, 'select'), resume?.selectionRng);

  const learnerFlops = task.forwardFlops(config.learner, input);
  const scorerFlops = usesScorer ? task.forwardFlops(config.scorer, input) : 0;
  const perStep = stepPhaseFlops({ policy: policyName, referenceMode: config.referenceMode, learnerFlops, onlineFlops: scorerFlops, referenceFlops: scorerFlops, batchSize: b, superBatchSize: B });
  let phaseFlops: PhaseFlops = resume?.phaseFlops ?? ZERO_PHASE_FLOPS;
  const phaseWallMs: Record<RunPhase, number> = resume ? { ...resume.phaseWallMs } : { learner: 0, scoring: 0, online: 0, reference: 0 };
  const wall = () => phaseWallMs.learner + phaseWallMs.scoring + phaseWallMs.online + phaseWallMs.reference;
  const timed = async <T>(phase: RunPhase, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      phaseWallMs[phase] += performance.now() - started;
    }
  };
  const recorder = resume ? CurveRecorder.fromSnapshot(resume.recorder) : new CurveRecorder();
  let lastSample: SelectionSample | null = resume?.lastSample ?? null;
  let lastRetrieval: RetrievalRecall | undefined;
  let onlineTestAccuracy: number | null = null;

  const record = async (step: number) => {
    const { accuracy, retrieval } = await task.evaluate(learner.model, test);
    lastRetrieval = retrieval;
    const point = recorder.point(step, accuracy, totalPhaseFlops(phaseFlops), wall());
    emit({ type: 'evaluation', runId, point });
    if (lastSample) emit({ type: 'selection', runId, sample: lastSample });
  };
  const result = (steps: number, stoppedEarly?: string): RunResult => ({
    id: runId,
    policy: policyName,
    scorer: usesScorer ? config.scorer : null,
    final: { testAccuracy: recorder.points[recorder.points.length - 1]?.testAccuracy ?? 0, steps, flops: totalPhaseFlops(phaseFlops), wallMs: wall() },
    curve: recorder.points,
    phaseFlops,
    referencePretrainFlops: heldOutReference?.flops ?? 0,
    modelFlops: { learner: learnerFlops, scorer: usesScorer ? scorerFlops : null },
    phaseWallMs: { ...phaseWallMs },
    referenceTestAccuracy: heldOutReference?.testAccuracy ?? null,
    onlineTestAccuracy,
    ...(lastRetrieval ? { retrieval: lastRetrieval } : {}),
    ...(task.towerFlops ? { towerFlops: { learner: task.towerFlops(config.learner, input), scorer: usesScorer ? task.towerFlops(config.scorer, input) : null } } : {}),
    ...(stoppedEarly ? { stoppedEarly } : {}),
  });
  const diverged = (what: string, loss: number, step: number, extra = '') =>
    new TrainingDivergedError(`${what} loss became ${loss} at step ${step} (${policyName} run); lower learningRate (now ${config.learningRate})${extra} and run again`, result(step - 1, `diverged at step ${step}`));

  /** Scores the super-batch and returns the train-split indices of the b selected examples. */
  const select = async (superBatch: Int32Array, lr: number, step: number): Promise<Int32Array> => {
    if (!policy.score) return superBatch.slice(0, b);
    const { images, labels } = train.batch(superBatch);
    try {
      const losses: LossesByModel = {};
      const modelFor = { learner: learner.model, online: online?.model, reference: referenceModel ?? undefined };
      await timed('scoring', async () => {
        for (const m of policy.models) losses[m] = await perExampleLosses(task, modelFor[m]!, images, labels);
      });
      const scores = policy.score(losses, selectionRng);
      if (scores.some((s) => !Number.isFinite(s))) throw diverged('scorer', Number.NaN, step);
      const positions = gumbelTopK(scores, b, config.temperature, selectionRng);
      if (onlineReference) {
        const loss = await timed('reference', () => trainOn(onlineReference, images, labels, 2 * lr, config.labelSmoothing));
        if (!Number.isFinite(loss)) throw diverged('online reference', loss, step, ' — the reference trains at 2×');
      }
      lastSample = {
        step,
        superBatch: Array.from(superBatch),
        selected: Array.from(positions),
        scores: Array.from(scores),
        losses: Object.fromEntries(Object.entries(losses).map(([k, v]) => [k, Array.from(v)])),
      };
      return positions.map((p) => superBatch[p] as number);
    } finally {
      tf.dispose([images, labels]);
    }
  };

  const checkpoint = async (step: number): Promise<RunCheckpoint> => {
    const [learnerState, onlineState, referenceState] = await Promise.all([snapshotTrainee(learner), online && snapshotTrainee(online), onlineReference && snapshotTrainee(onlineReference)]);
    return {
      runId,
      policy: policyName,
      step,
      learner: learnerState,
      online: onlineState,
      onlineReference: referenceState,
      sampler: sampler.snapshot(),
      selectionRng: selectionRng.snapshot(),
      recorder: recorder.snapshot(),
      phaseFlops,
      phaseWallMs: { ...phaseWallMs },
      lastSample,
    };
  };

  try {
    let step = resume?.step ?? 0;
    emit({ type: 'run-started', runId, policy: policyName, scorer: usesScorer ? config.scorer : null, totalSteps: config.steps, ...(resume ? { resumedAt: step, curve: recorder.points } : {}) });
    if (!resume) await record(0);
    while (step < config.steps) {
      await yieldToEventLoop();
      if (ctx.shouldStop?.()) return await finish(step, 'stopped by the user');
      const lr = learningRateAt(step, config.steps, config.learningRate, config.warmupFraction);
      const selected = await select(sampler.next(B), lr, step + 1);
      if (!policy.score) lastSample = { step: step + 1, superBatch: Array.from(selected), selected: Array.from(selected.keys()), scores: null, losses: {} };
      const { images, labels } = train.batch(selected);
      let loss: number;
      try {
        loss = await timed('learner', () => trainOn(learner, images, labels, lr, config.labelSmoothing));
        if (online) {
          const onlineLoss = await timed('online', () => trainOn(online, images, labels, lr, config.labelSmoothing));
          if (!Number.isFinite(onlineLoss)) throw diverged('online model', onlineLoss, step + 1);
        }
      } finally {
        tf.dispose([images, labels]);
      }
      step++;
      phaseFlops = addPhaseFlops(phaseFlops, perStep);
      if (!Number.isFinite(loss)) throw diverged('learner', loss, step);
      let corrupted = 0;
      for (const i of selected) if (train.split.corruption[i] !== 0) corrupted++;
      recorder.addStep(loss, corrupted, b);
      emit({ type: 'step', runId, step, totalSteps: config.steps, trainLoss: loss, learningRate: lr, wallMs: wall(), flops: totalPhaseFlops(phaseFlops) });
      if (step % config.evalEvery === 0 || step === config.steps) await record(step);
      if (ctx.onCheckpoint && ctx.checkpointEvery && step % ctx.checkpointEvery === 0 && step < config.steps) await ctx.onCheckpoint(await checkpoint(step));
    }
    return await finish(step);
  } finally {
    disposeTrainee(learner);
    if (online) disposeTrainee(online);
    if (onlineReference) disposeTrainee(onlineReference);
  }

  async function finish(step: number, stoppedEarly?: string): Promise<RunResult> {
    if (recorder.lastStep !== step) await record(step);
    if (online) onlineTestAccuracy = (await task.evaluate(online.model, test)).accuracy;
    const run = result(step, stoppedEarly);
    emit({ type: 'run-finished', runId, run });
    return run;
  }
}
