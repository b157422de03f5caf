import type { Dataset } from '../data/dataset';
import type { ScorerMessage, ScorerSpec } from './scorerMessages';

/**
 * The messages between a learner side and a scorer side in another thread (Node worker_threads, or a
 * Web Worker in the lab): docs/architecture.md, "Pipeline". Plain data, structured-cloned.
 */

/** What a scorer thread is given at its start. */
export interface ScorerThreadData {
  spec: ScorerSpec;
  dataset: Dataset;
  /** The tfjs backend the thread runs on (the learner's). */
  backend: string;
  /** Warm the thread's backend before it says ready (default true; tests skip it: same results, only wall time changes). */
  warmUp?: boolean;
  /** Test only: the thread goes silent (no sub-batch, no heartbeat) after this many sub-batches. */
  hangAfter?: number;
}

/**
 * Learner side → scorer thread: its start data (browser: the first message), then a credit per
 * sub-batch taken; `finish` when the user stopped the run: stop picking and send `finished` now.
 */
export type ToScorerThread = { type: 'start'; data: ScorerThreadData } | { type: 'credit' } | { type: 'finish' };

/** Scorer thread → learner side. */
export type FromScorerThread =
  { type: 'ready' } | { type: 'alive' } | { type: 'message'; message: ScorerMessage } | { type: 'failed'; message: string };

/** A heartbeat every second while the thread is alive; the learner side reports a stall after DEFAULT_STALL_MS of silence. */
export const HEARTBEAT_MS = 1000;

/** A scorer thread that has not said `ready` within this long (backend start, data upload, warm-up) is reported as stalled. */
export const STARTUP_MS = 60_000;
