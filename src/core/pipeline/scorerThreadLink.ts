import { BoundedQueue, takeOrStall } from './boundedQueue';
import { DEFAULT_STALL_MS } from './inProcessScorer';
import {
  drainToFinished,
  PipelineStalledError,
  ScorerLostError,
  type ScorerLink,
  type ScorerMessage,
  type ScorerSpec,
} from './scorerMessages';
import { STARTUP_MS, type FromScorerThread, type ToScorerThread } from './scorerThreadProtocol';

/** The learner side's handle on a started scorer thread (a Node Worker, a Web Worker). */
export interface ScorerThreadHandle {
  post(message: ToScorerThread): void;
  /** Registers the handlers: each message, and the thread's death (an error, an exit) with why. */
  listen(onMessage: (message: FromScorerThread) => void, onLost: (why: string) => void): void;
  terminate(): Promise<void>;
}

/**
 * The learner side's end of a scorer thread (docs/architecture.md, "Pipeline"): sub-batches arrive in
 * a local queue and each take sends a credit back, so the thread is never more than `depth` ahead. A
 * thread that dies is a ScorerLostError (the run resumes from its checkpoint); one silent for
 * `stallMs` (no sub-batch, no heartbeat), or not ready within STARTUP_MS, is a PipelineStalledError.
 */
export function linkScorerThread(spec: ScorerSpec, thread: ScorerThreadHandle, stallMs = DEFAULT_STALL_MS): ScorerLink {
  // The thread holds at most `depth` credits, plus the final `finished` message: depth + 1 is never exceeded.
  const queue = new BoundedQueue<ScorerMessage>(spec.depth + 1);
  let markReady = () => {};
  let failStart: (error: Error) => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  started.catch(() => {}); // a start that fails is reported by ready() or take(), whichever runs
  let lastAlive = performance.now();
  let closing = false;
  const lost = (why: string) => {
    if (closing) return;
    const error = new ScorerLostError(spec.runId, why);
    queue.close(error);
    failStart(error);
  };
  thread.listen((m) => {
    lastAlive = performance.now();
    if (m.type === 'ready') markReady();
    else if (m.type === 'message') queue.put(m.message);
    else if (m.type === 'failed') lost(`its worker failed: ${m.message}`);
  }, lost);
  const link: ScorerLink = {
    ready: () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PipelineStalledError(spec.runId, STARTUP_MS)), STARTUP_MS);
      });
      return Promise.race([started, late]).finally(() => clearTimeout(timer));
    },
    take: async () => {
      const message = await takeOrStall(
        queue,
        () => lastAlive,
        stallMs,
        () => new PipelineStalledError(spec.runId, stallMs),
      );
      thread.post({ type: 'credit' });
      return message;
    },
    queued: () => queue.size,
    finishEarly: () => {
      thread.post({ type: 'finish' });
      return drainToFinished(() => link.take());
    },
    close: async () => {
      closing = true;
      queue.close(new Error(`pipeline of ${spec.runId}: closed by the learner side`));
      await thread.terminate();
    },
  };
  return link;
}
