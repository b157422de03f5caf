import { superBatchSize } from '../config/experimentConfig';
import { snapshotTrainee } from '../experiment/checkpoint';
import type { RunContext } from '../experiment/runContext';
import { selectFromSuperBatch, trainOnlineReference, trainOnlineStudent } from '../experiment/runStages';
import { RunState } from '../experiment/runState';
import { TrainingDivergedError } from '../experiment/trainingDiverged';
import { learningRateAt } from '../train/schedule';
import { isPipelineCheckpointStep, type ScorerCheckpoint, type ScorerMessage, type ScorerSpec } from './scorerMessages';

/**
 * A pipeline's scorer side (docs/architecture.md, "Pipeline"): the data order, the selection
 * generator, the online student and the reference. Each `next()` is one step of runPolicy without
 * the learner: draw the super-batch, score it, pick b, train the online reference and the online
 * student. Nothing here reads the learner, so the picks are those of a sequential run whatever the
 * timing. Its RunState carries no learner, curve or ledger (the learner side keeps those).
 */
export class ScorerSide {
  readonly state: RunState;

  constructor(
    ctx: RunContext,
    private readonly spec: Pick<ScorerSpec, 'policy' | 'runId' | 'checkpointEvery' | 'resumeFrom'>,
  ) {
    this.state = new RunState({ ...ctx, emit: () => {} }, spec.policy, spec.runId, 'scorer');
    try {
      if (spec.resumeFrom) this.state.restore(spec.resumeFrom);
    } catch (error) {
      this.state.dispose();
      throw error;
    }
  }

  /** All steps picked: only `finish()` is left. */
  done(): boolean {
    return this.state.step >= this.state.ctx.config.steps;
  }

  /** Picks the next step's sub-batch and trains the scorer models on it; a diverged loss becomes a message. */
  async next(blockedMs: number): Promise<ScorerMessage> {
    const { state } = this;
    const { config } = state.ctx;
    const before = { ...state.phaseWallMs };
    const lr = learningRateAt(state.step, config.steps, config.learningRate, config.warmupFraction);
    let selected: Int32Array;
    try {
      selected = await selectFromSuperBatch(state, state.sampler.next(superBatchSize(config)));
      await trainOnlineReference(state, lr);
      await trainOnlineStudent(state, selected, lr);
    } catch (error) {
      if (error instanceof TrainingDivergedError) return { kind: 'diverged', step: state.step + 1, message: error.message };
      throw error;
    }
    state.step++;
    const sample = state.lastSample;
    if (!sample) throw new Error(`${state.runId}: the scorer side picked without a selection sample`);
    const checkpointHere = isPipelineCheckpointStep(state.step, this.spec.checkpointEvery, config.steps);
    return {
      kind: 'picked',
      batch: {
        step: state.step,
        selected,
        sample,
        scoringMs: state.phaseWallMs.scoring - before.scoring,
        onlineMs: state.phaseWallMs.online - before.online,
        referenceMs: state.phaseWallMs.reference - before.reference,
        blockedMs,
        scorerCheckpoint: checkpointHere ? await scorerCheckpoint(state) : null,
      },
    };
  }

  /** After the last step: the scorer models' final clean test accuracy (bad students should end below the learner). */
  async finish(): Promise<ScorerMessage> {
    const { online, onlineReference } = this.state.trainees;
    const { task, test } = this.state.ctx;
    return {
      kind: 'finished',
      onlineTestAccuracy: online ? (await task.evaluate(online.model, test)).accuracy : null,
      onlineReferenceTestAccuracy: onlineReference ? (await task.evaluate(onlineReference.model, test)).accuracy : null,
    };
  }

  dispose(): void {
    this.state.dispose();
  }
}

async function scorerCheckpoint(state: RunState): Promise<ScorerCheckpoint> {
  const { online, onlineReference } = state.trainees;
  const [onlineState, referenceState] = await Promise.all([
    online && snapshotTrainee(online),
    onlineReference && snapshotTrainee(onlineReference),
  ]);
  return {
    online: onlineState,
    onlineReference: referenceState,
    sampler: state.sampler.snapshot(),
    referenceSampler: state.referenceSampler?.snapshot() ?? null,
    selectionRng: state.rng.snapshot(),
  };
}

/**
 * Runs a scorer side to the end, one message per step then `finished`, waiting for room in the
 * queue before each step (so it is at most the queue's capacity ahead). Stops when `room()` rejects
 * (the learner side closed the queue) or after a divergence; sends `finished` early once
 * `finishRequested()` (the user stopped the run).
 */
export async function driveScorer(
  side: ScorerSide,
  room: () => Promise<void>,
  send: (message: ScorerMessage) => void,
  alive: () => void = () => {},
  finishRequested: () => boolean = () => false,
): Promise<void> {
  while (!side.done()) {
    const waitStarted = performance.now();
    await room();
    alive();
    // Asked to finish early: the room just granted takes `finished` instead of another step.
    if (finishRequested()) return send(await side.finish());
    const message = await side.next(performance.now() - waitStarted);
    alive();
    send(message);
    if (message.kind === 'diverged') return;
  }
  await room();
  send(await side.finish());
}
