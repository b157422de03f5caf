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
import { pipelineWallMs, type PipelineTimes } from '../pipeline/pipelineTimes';
import { restoreTrainee, snapshotTrainee, type RunCheckpoint } from './checkpoint';
import { CurveRecorder } from './curveRecorder';
import type { SelectionSample } from './events';
import type { PretrainedReference } from './pretrainReference';
import type { PipelineReport } from './resultTypes';
import type { RunContext } from './runContext';
import { createTrainee, disposeTrainee, type Trainee } from './trainees';

/** Seed purpose of an online reference's data order: its own stream, so the learner's is untouched. */
const ONLINE_REFERENCE_ORDER = 'online-reference-order';

/**
 * Which part of a run this state carries (docs/architecture.md, "Pipeline"): all of it (sequential
 * mode), or one side of a pipelined run — the scorer side (data order, selection, online student,
 * reference) or the learner side (learner, curve, ledger).
 */
export type RunRole = 'whole' | 'scorer' | 'learner';

/** The models a run trains: the learner; the online student and an online reference when the policy uses them. */
export interface RunTrainees {
  /** Null on a pipeline's scorer side. */
  learner: Trainee | null;
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

  /**
   * A pipelined run's learner side: its queue waits and the scorer side's busy time. The run's wall
   * time is then the learner phase plus the queue waits (the phases overlap). Null: sequential.
   */
  pipelineTimes: PipelineTimes | null = null;
  /** How the run was scheduled, when the config asked for the pipeline (null: it did not). */
  pipelineReport: PipelineReport | null = null;

  constructor(
    readonly ctx: RunContext,
    readonly policyName: PolicyName,
    readonly runId: string,
    readonly role: RunRole = 'whole',
  ) {
    const { config, task, input, train } = ctx;
    this.policy = POLICIES[policyName];
    const heldOut = usesReference(this.policy) && config.referenceMode === 'held-out';
    if (heldOut && !ctx.pretrainedReference) throw new Error(`${policyName}: a held-out reference was not pretrained`);
    this.heldOutReference = heldOut ? ctx.pretrainedReference : undefined;
    const trainee = (variant: string, purpose: string) =>
      createTrainee(task, variant, input, deriveSeed(config.seed, purpose), config.weightDecay);
    const scorerSide = role !== 'learner';
    this.trainees = {
      learner: role !== 'scorer' || this.policy.models.includes('learner') ? trainee(config.learner, 'learner') : null,
      online: scorerSide && usesOnlineStudent(this.policy) ? trainee(config.scorer, 'online') : null,
      onlineReference:
        scorerSide && usesReference(this.policy) && config.referenceMode === 'online' ? trainee(config.scorer, 'reference') : null,
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

  /** The learner (absent on a pipeline's scorer side: an error says so). */
  learner(): Trainee {
    const { learner } = this.trainees;
    if (!learner) throw new Error(`${this.policyName}: the learner does not live on the ${this.role} side of this run`);
    return learner;
  }

  /** The model whose per-example losses a policy reads as `model`. */
  scoringModel(model: ScoringModel): TrainableModel {
    const { learner, online, onlineReference } = this.trainees;
    const models: Record<ScoringModel, TrainableModel | undefined> = {
      learner: learner?.model,
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

  /** Training wall time so far (evaluation excluded): the sum of the phases; pipelined, the learner phase plus its queue waits. */
  wallMs(): number {
    return this.pipelineTimes ? pipelineWallMs(this.phaseWallMs, this.pipelineTimes) : sumPhases(this.phaseWallMs);
  }

  /** Counts one more step done: the step number, and its cost in the ledger. */
  advance(): void {
    this.step++;
    this.phaseFlops = addPhaseFlops(this.phaseFlops, this.costs.perStep);
  }

  async snapshot(): Promise<RunCheckpoint> {
    const { online, onlineReference } = this.trainees;
    const [learnerState, onlineState, referenceState] = await Promise.all([
      snapshotTrainee(this.learner()),
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
      ...(this.pipelineTimes ? { pipelineTimes: { ...this.pipelineTimes } } : {}),
    };
  }

  restore(checkpoint: RunCheckpoint): void {
    if (checkpoint.runId !== this.runId) throw new Error(`checkpoint is for run ${checkpoint.runId}, not ${this.runId}`);
    const { learner, online, onlineReference } = this.trainees;
    const { config, train } = this.ctx;
    if (learner) restoreTrainee(learner, checkpoint.learner);
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
    if (this.pipelineTimes && checkpoint.pipelineTimes) this.pipelineTimes = { ...checkpoint.pipelineTimes };
  }

  dispose(): void {
    const { learner, online, onlineReference } = this.trainees;
    if (learner) disposeTrainee(learner);
    if (online) disposeTrainee(online);
    if (onlineReference) disposeTrainee(onlineReference);
  }
}
