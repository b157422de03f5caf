import { phaseRecord, sumPhases, type Phase, type PhaseRecord } from '../accounting/phases';
import { ZERO_PHASE_FLOPS, addPhaseFlops, stepPhaseFlops, type PhaseFlops } from '../accounting/stepLedger';
import { flops, type Flops } from '../accounting/units';
import { referenceBatchSize, superBatchSize, type PolicyName } from '../config/experimentConfig';
import { EpochSampler } from '../data/epochSampler';
import type { TrainableModel } from '../models/trainableModel';
import { createRng, deriveSeed, type Rng } from '../random/rng';
import { POLICIES } from '../selection/policies';
import { usesOnlineStudent, usesReference, usesScorerModel, type ScoringModel, type SelectionPolicy } from '../selection/selectionPolicy';
import type { RetrievalRecall } from '../train/evaluate';
import { restoreTrainee, snapshotTrainee, type RunCheckpoint } from './checkpoint';
import { CurveRecorder } from './curveRecorder';
import type { SelectionSample } from './events';
import type { PretrainedReference } from './pretrainReference';
import type { RunContext } from './runContext';
import { createTrainee, disposeTrainee, type Trainee } from './trainees';

/** Seed purpose of an online reference's data order: its own stream, so the learner's is untouched. */
const ONLINE_REFERENCE_ORDER = 'online-reference-order';

/** The models a run trains: always the learner; the online student and an online reference when the policy uses them. */
export interface RunTrainees {
  learner: Trainee;
  online: Trainee | null;
  onlineReference: Trainee | null;
}

/** Forward FLOPs per example of the models in play, and the ledger's cost of one step. */
export interface RunCosts {
  learnerFlops: Flops;
  /** 0 where the policy runs no scorer-sized model. */
  scorerFlops: Flops;
  perStep: PhaseFlops;
}

/**
 * Everything a run carries from step to step (docs/architecture.md, "Checkpoints"): the trainees,
 * the data order, the selection generator, the curve so far, the FLOP ledger and the phase wall
 * times. `snapshot()` and `restore()` turn it into a checkpoint and back, so a resumed run continues
 * bit for bit.
 */
export class RunState {
  readonly policy: SelectionPolicy;
  readonly trainees: RunTrainees;
  /** The frozen held-out reference, when the policy scores with a reference in held-out mode. */
  readonly heldOutReference: PretrainedReference | undefined;
  readonly costs: RunCosts;
  /** Steps completed. */
  step = 0;
  sampler: EpochSampler;
  /** An online reference's own pass over the training stream (null without one). */
  referenceSampler: EpochSampler | null;
  rng: Rng;
  recorder: CurveRecorder;
  phaseFlops: PhaseFlops = ZERO_PHASE_FLOPS;
  phaseWallMs: PhaseRecord<number> = phaseRecord(() => 0);
  lastSample: SelectionSample | null = null;
  lastRetrieval: RetrievalRecall | undefined;
  /** The online student's final clean test accuracy, measured when the run finishes (null without one). */
  onlineTestAccuracy: number | null = null;
  /** An online reference's final clean test accuracy (a held-out reference's is measured after pretraining). */
  onlineReferenceTestAccuracy: number | null = null;

  constructor(
    readonly ctx: RunContext,
    readonly policyName: PolicyName,
    readonly runId: string,
  ) {
    const { config, task, input, train } = ctx;
    this.policy = POLICIES[policyName];
    const heldOut = usesReference(this.policy) && config.referenceMode === 'held-out';
    if (heldOut && !ctx.pretrainedReference) throw new Error(`${policyName}: a held-out reference was not pretrained`);
    this.heldOutReference = heldOut ? ctx.pretrainedReference : undefined;
    const trainee = (variant: string, purpose: string) =>
      createTrainee(task, variant, input, deriveSeed(config.seed, purpose), config.weightDecay);
    this.trainees = {
      learner: trainee(config.learner, 'learner'),
      online: usesOnlineStudent(this.policy) ? trainee(config.scorer, 'online') : null,
      onlineReference: usesReference(this.policy) && config.referenceMode === 'online' ? trainee(config.scorer, 'reference') : null,
    };
    this.sampler = new EpochSampler(train.count, deriveSeed(config.seed, 'order'));
    this.referenceSampler = this.trainees.onlineReference
      ? new EpochSampler(train.count, deriveSeed(config.seed, ONLINE_REFERENCE_ORDER))
      : null;
    this.rng = createRng(deriveSeed(config.seed, 'select'));
    this.recorder = new CurveRecorder(this.perClassCount());
    const learnerFlops = task.forwardFlops(config.learner, input);
    const scorerFlops = usesScorerModel(this.policy) ? task.forwardFlops(config.scorer, input) : flops(0);
    const perStep = stepPhaseFlops({
      models: this.policy.models,
      referenceMode: config.referenceMode,
      learnerFlops,
      onlineFlops: scorerFlops,
      referenceFlops: scorerFlops,
      batchSize: config.batchSize,
      superBatchSize: superBatchSize(config),
      referenceBatchSize: referenceBatchSize(config),
    });
    this.costs = { learnerFlops, scorerFlops, perStep };
  }

  /** Classes the recorder tallies: every class of a classification task, none for image–caption data. */
  private perClassCount(): number {
    return this.ctx.task.kind === 'classification' ? this.ctx.input.numClasses : 0;
  }

  /** The model whose per-example losses a policy reads as `model`. */
  scoringModel(model: ScoringModel): TrainableModel {
    const { learner, online, onlineReference } = this.trainees;
    const models: Record<ScoringModel, TrainableModel | undefined> = {
      learner: learner.model,
      online: online?.model,
      reference: this.heldOutReference?.model ?? onlineReference?.model,
    };
    const found = models[model];
    if (!found) throw new Error(`${this.policyName}: the ${model} model does not exist in this run`);
    return found;
  }

  /** Runs `work`, adding its wall time to `phase`. */
  async timed<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.phaseWallMs[phase] += performance.now() - started;
    }
  }

  /** Training wall time so far, all phases (evaluation excluded). */
  wallMs(): number {
    return sumPhases(this.phaseWallMs);
  }

  /** Counts one more step done: the step number, and its cost in the ledger. */
  advance(): void {
    this.step++;
    this.phaseFlops = addPhaseFlops(this.phaseFlops, this.costs.perStep);
  }

  async snapshot(): Promise<RunCheckpoint> {
    const { learner, online, onlineReference } = this.trainees;
    const [learnerState, onlineState, referenceState] = await Promise.all([
      snapshotTrainee(learner),
      online && snapshotTrainee(online),
      onlineReference && snapshotTrainee(onlineReference),
    ]);
    return {
      runId: this.runId,
      policy: this.policyName,
      step: this.step,
      learner: learnerState,
      online: onlineState,
      onlineReference: referenceState,
      sampler: this.sampler.snapshot(),
      referenceSampler: this.referenceSampler?.snapshot() ?? null,
      selectionRng: this.rng.snapshot(),
      recorder: this.recorder.snapshot(),
      phaseFlops: this.phaseFlops,
      phaseWallMs: { ...this.phaseWallMs },
      lastSample: this.lastSample,
    };
  }

  restore(checkpoint: RunCheckpoint): void {
    if (checkpoint.runId !== this.runId) throw new Error(`checkpoint is for run ${checkpoint.runId}, not ${this.runId}`);
    const { learner, online, onlineReference } = this.trainees;
    const { config, train } = this.ctx;
    restoreTrainee(learner, checkpoint.learner);
    if (online && checkpoint.online) restoreTrainee(online, checkpoint.online);
    if (onlineReference && checkpoint.onlineReference) restoreTrainee(onlineReference, checkpoint.onlineReference);
    this.step = checkpoint.step;
    this.sampler = new EpochSampler(train.count, deriveSeed(config.seed, 'order'), checkpoint.sampler);
    if (this.referenceSampler && checkpoint.referenceSampler) {
      this.referenceSampler = new EpochSampler(train.count, deriveSeed(config.seed, ONLINE_REFERENCE_ORDER), checkpoint.referenceSampler);
    }
    this.rng = createRng(deriveSeed(config.seed, 'select'), checkpoint.selectionRng);
    this.recorder = CurveRecorder.fromSnapshot(checkpoint.recorder, this.perClassCount());
    this.phaseFlops = checkpoint.phaseFlops;
    this.phaseWallMs = { ...checkpoint.phaseWallMs };
    this.lastSample = checkpoint.lastSample ?? null;
  }

  dispose(): void {
    const { learner, online, onlineReference } = this.trainees;
    disposeTrainee(learner);
    if (online) disposeTrainee(online);
    if (onlineReference) disposeTrainee(onlineReference);
  }
}
