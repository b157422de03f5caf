import type { LiveRun } from '../experiment/liveState';

export interface PipelineFigures {
  runId: string;
  live: boolean;
  depth: number;
  learnerBusy: number;
  scorerBusy: number;
  /** Live: sub-batches waiting at the latest step; finished: the mean over the run. */
  queueFill: number;
}

/** The latest pipelined run's figures: live from its step events while it trains, else from its result. */
export function pipelineFigures(runs: readonly LiveRun[]): PipelineFigures | null {
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i]!;
    const done = run.finished?.pipeline;
    if (done?.mode === 'pipelined') {
      return {
        runId: run.id,
        live: false,
        depth: done.depth ?? 0,
        learnerBusy: done.learnerBusy ?? 0,
        scorerBusy: done.scorerBusy ?? 0,
        queueFill: done.meanQueueFill ?? 0,
      };
    }
    if (!run.finished && run.pipeline) return { runId: run.id, live: true, ...run.pipeline };
  }
  return null;
}
