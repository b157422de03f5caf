import type { PolicyName } from '../config/experimentConfig';
import { checkpointInterval, referenceCheckpoint, type RunCheckpoint } from '../experiment/checkpoint';
import type { RunResult } from '../experiment/resultTypes';
import type { RunContext } from '../experiment/runContext';
import { startInProcessScorer } from './inProcessScorer';
import { runPipelined } from './runPipelined';
import { ScorerLostError, type ScorerLink, type ScorerSpec } from './scorerMessages';

/** Starts a scorer side in a worker of its own (the Node CLI: worker_threads; the lab: a Web Worker). */
export type StartScorer = (spec: ScorerSpec) => ScorerLink;

/** Automatic resumes after a lost scorer side, per run. */
export const SCORER_RESUMES = 2;

/**
 * A pipelined run that survives losing its scorer side (docs/architecture.md, "Pipeline"): the run
 * checkpoints every checkpointInterval steps (whether or not the experiment keeps checkpoints), and
 * when the scorer side dies both sides restart from the last checkpoint, which continues bit for bit.
 * A stalled scorer side, or one lost more than SCORER_RESUMES times, ends the run with the error.
 */
export async function runPipelinedRecovering(
  ctx: RunContext,
  policy: PolicyName,
  runId: string,
  startScorer: StartScorer | null,
): Promise<RunResult> {
  const { config } = ctx;
  let last: RunCheckpoint | null = ctx.resumeFrom ?? null;
  const checkpointEvery = ctx.checkpointEvery ?? checkpointInterval(config.steps);
  const onCheckpoint = async (checkpoint: RunCheckpoint) => {
    last = checkpoint;
    await ctx.onCheckpoint?.(checkpoint);
  };
  const heldOutReference =
    ctx.pretrainedReference && startScorer ? await referenceCheckpoint(config.scorer, ctx.pretrainedReference) : null;
  for (let resumes = 0; ; resumes++) {
    const attempt: RunContext = { ...ctx, onCheckpoint, checkpointEvery };
    if (last) attempt.resumeFrom = last;
    else delete attempt.resumeFrom;
    const spec: ScorerSpec = { config, policy, runId, depth: config.pipelineDepth, checkpointEvery, resumeFrom: last, heldOutReference };
    const link = startScorer ? startScorer(spec) : startInProcessScorer(attempt, spec);
    try {
      return await runPipelined(attempt, policy, runId, link, startScorer ? 'worker' : 'in-process');
    } catch (error) {
      if (!(error instanceof ScorerLostError) || resumes >= SCORER_RESUMES) throw error;
      const from = last ? `its checkpoint at step ${last.step}` : 'the start';
      ctx.emit({ type: 'phase', runId, message: `${error.message}; resuming both sides from ${from}` });
    }
  }
}
