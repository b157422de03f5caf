import type { RunContext } from '../experiment/runContext';
import { BoundedQueue, takeOrStall } from './boundedQueue';
import { driveScorer, ScorerSide } from './scorerSide';
import {
  drainToFinished,
  PipelineStalledError,
  ScorerLostError,
  type ScorerLink,
  type ScorerMessage,
  type ScorerSpec,
} from './scorerMessages';

/**
 * The silence (no sub-batch, no heartbeat) after which the learner side reports a stalled scorer side:
 * checked every quarter of it, so a dead side is reported within 5 s.
 */
export const DEFAULT_STALL_MS = 4000;

/**
 * A scorer side in the learner's own thread (tests, and `pipeline: on` where no worker can be
 * started): the same protocol and the same picks, interleaved with the learner at its awaits, so no
 * wall time is saved. The learner side shares the run context (data on the device, the task, a
 * held-out reference).
 */
export function startInProcessScorer(ctx: RunContext, spec: ScorerSpec, stallMs = DEFAULT_STALL_MS): ScorerLink {
  const queue = new BoundedQueue<ScorerMessage>(spec.depth);
  const side = new ScorerSide(ctx, spec);
  let lastAlive = performance.now();
  const alive = () => void (lastAlive = performance.now());
  let finishing = false;
  const running = driveScorer(
    side,
    () => queue.room(),
    (m) => queue.put(m),
    alive,
    () => finishing,
  )
    .catch((error: unknown) => {
      if (!queue.closed) queue.close(new ScorerLostError(spec.runId, error instanceof Error ? error.message : String(error)));
    })
    .finally(() => side.dispose());
  const link: ScorerLink = {
    ready: () => Promise.resolve(),
    take: () => {
      // The learner is alive and waiting: the scorer's silence counts from now (it may have sat idle on a full queue).
      alive();
      return takeOrStall(
        queue,
        () => lastAlive,
        stallMs,
        () => new PipelineStalledError(spec.runId, stallMs),
      );
    },
    queued: () => queue.size,
    finishEarly: () => {
      finishing = true;
      return drainToFinished(() => link.take());
    },
    close: async () => {
      queue.close(new Error(`pipeline of ${spec.runId}: closed by the learner side`));
      await running;
    },
  };
  return link;
}
