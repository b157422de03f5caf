import type { PhaseRecord } from '../accounting/phases';
import type { PipelineReport } from '../experiment/resultTypes';

/** A pipelined run's overlap figures so far, kept by its learner side (and in its checkpoints). */
export interface PipelineTimes {
  /** Time the learner waited for a sub-batch (ms). */
  queueWaitMs: number;
  /** The scorer side's scoring, online and reference phases (ms). */
  scorerBusyMs: number;
  /** Time the scorer waited for room in the queue (ms). */
  scorerBlockedMs: number;
  /** Sub-batches waiting at each take, summed, and the takes. */
  queueFillSum: number;
  takes: number;
  /** Sub-batches waiting at the latest take. */
  lastQueueFill: number;
}

export const ZERO_PIPELINE_TIMES: Readonly<PipelineTimes> = Object.freeze({
  queueWaitMs: 0,
  scorerBusyMs: 0,
  scorerBlockedMs: 0,
  queueFillSum: 0,
  takes: 0,
  lastQueueFill: 0,
});

/** A pipelined run's training wall time: the learner phase plus its waits (the scorer phases overlap them). */
export function pipelineWallMs(phaseWallMs: PhaseRecord<number>, times: PipelineTimes): number {
  return phaseWallMs.learner + times.queueWaitMs;
}

export function pipelinedReport(
  phaseWallMs: PhaseRecord<number>,
  times: PipelineTimes,
  depth: number,
  scorer: 'worker' | 'in-process',
): PipelineReport {
  const wall = pipelineWallMs(phaseWallMs, times);
  const share = (ms: number) => (wall > 0 ? ms / wall : 0);
  return {
    mode: 'pipelined',
    reason: null,
    depth,
    scorer,
    learnerBusy: share(phaseWallMs.learner),
    scorerBusy: share(times.scorerBusyMs),
    queueWaitMs: times.queueWaitMs,
    scorerBlockedMs: times.scorerBlockedMs,
    meanQueueFill: times.takes > 0 ? times.queueFillSum / times.takes : 0,
  };
}

export function sequentialReport(reason: string | null): PipelineReport {
  return {
    mode: 'sequential',
    reason,
    depth: null,
    scorer: null,
    learnerBusy: null,
    scorerBusy: null,
    queueWaitMs: null,
    scorerBlockedMs: null,
    meanQueueFill: null,
  };
}
