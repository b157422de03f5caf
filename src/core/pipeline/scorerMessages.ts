import type { PolicyName } from '../config/experimentConfig';
import type { ReferenceCheckpoint, RunCheckpoint } from '../experiment/checkpoint';
import type { SelectionSample } from '../experiment/events';
import type { ExperimentConfig } from '../config/experimentConfig';

/**
 * What crosses the bounded queue from a pipeline's scorer side to its learner side (docs/architecture.md,
 * "Pipeline"). Plain data (typed arrays inside): it survives postMessage between threads unchanged.
 */

/** The scorer side's part of a RunCheckpoint, taken right after the step it travels with. */
export type ScorerCheckpoint = Pick<RunCheckpoint, 'online' | 'onlineReference' | 'sampler' | 'referenceSampler' | 'selectionRng'>;

export interface PickedSubBatch {
  /** The learner step these picks are for (1-based, as the step counter after it). */
  step: number;
  /** Train-split indices of the b picked examples. */
  selected: Int32Array;
  sample: SelectionSample;
  /** Wall time of this step's scorer-side phases (ms). */
  scoringMs: number;
  onlineMs: number;
  referenceMs: number;
  /** Time the scorer waited for room in the queue before this step (ms). */
  blockedMs: number;
  /** Present on checkpoint steps: the learner side merges it into the run's checkpoint. */
  scorerCheckpoint: ScorerCheckpoint | null;
}

export type ScorerMessage =
  | { kind: 'picked'; batch: PickedSubBatch }
  /** A scorer-side loss stopped being finite at `step`: the learner ends the run at step − 1, as in sequential mode. */
  | { kind: 'diverged'; step: number; message: string }
  /** After the last step (or when a stopped run asks): the scorer models' clean test accuracy. */
  | FinishedMessage;

export interface FinishedMessage {
  kind: 'finished';
  onlineTestAccuracy: number | null;
  onlineReferenceTestAccuracy: number | null;
}

/** Takes and drops messages until `finished` (returned) or `diverged` (null): the end of a stopped run's queue. */
export async function drainToFinished(take: () => Promise<ScorerMessage>): Promise<FinishedMessage | null> {
  for (;;) {
    const message = await take();
    if (message.kind === 'finished') return message;
    if (message.kind === 'diverged') return null;
  }
}

/** What starts a scorer side: the run, where to resume, and how far ahead it may go. */
export interface ScorerSpec {
  config: ExperimentConfig;
  policy: PolicyName;
  runId: string;
  depth: number;
  /** The learner side checkpoints after these steps (every `checkpointEvery`, never after the last); 0: never. */
  checkpointEvery: number;
  resumeFrom: RunCheckpoint | null;
  /** A held-out reference's weights (held-out mode), pretrained once by the experiment. */
  heldOutReference: ReferenceCheckpoint | null;
}

/** The learner side's end of the queue. */
export interface ScorerLink {
  /** Resolves once the scorer side has started and warmed its backend (untimed, like the experiment's warm-up). */
  ready(): Promise<void>;
  /** The next message, in step order; rejects with PipelineStalledError or ScorerLostError. */
  take(): Promise<ScorerMessage>;
  /** Messages ready and waiting (the queue's fill). */
  queued(): number;
  /**
   * The user stopped the run: the scorer side stops picking and reports its models' clean test accuracy
   * now (they may be up to `depth` steps ahead of the learner). Sub-batches still queued are dropped;
   * null where the scorer side diverged instead.
   */
  finishEarly(): Promise<FinishedMessage | null>;
  /** Stops the scorer side and frees it (idempotent). */
  close(): Promise<void>;
}

/** The scorer side went silent: no sub-batch and no heartbeat for `stallMs`. */
export class PipelineStalledError extends Error {
  constructor(
    readonly runId: string,
    readonly stallMs: number,
  ) {
    super(
      `pipeline of ${runId}: the scorer side sent nothing for ${(stallMs / 1000).toFixed(1)} s (no sub-batch, no heartbeat); it is stalled or dead`,
    );
    this.name = 'PipelineStalledError';
  }
}

/** The scorer side died (its worker exited or threw): the run resumes from its last checkpoint. */
export class ScorerLostError extends Error {
  constructor(
    readonly runId: string,
    why: string,
  ) {
    super(`pipeline of ${runId}: the scorer side was lost (${why})`);
    this.name = 'ScorerLostError';
  }
}

/** Whether the learner side checkpoints after `step` (the scorer side must then ship its own state with the step). */
export function isPipelineCheckpointStep(step: number, checkpointEvery: number, steps: number): boolean {
  return checkpointEvery > 0 && step % checkpointEvery === 0 && step < steps;
}
