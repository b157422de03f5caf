import type { Dataset } from '../../src/core/data/dataset';
import type { ScorerMessage, ScorerSpec } from '../../src/core/pipeline/scorerMessages';

/** What the main thread gives a scorer thread at its start (a structured clone). */
export interface ScorerThreadData {
  spec: ScorerSpec;
  dataset: Dataset;
  backend: 'wasm' | 'cpu';
  /** Warm the thread's backend before it says ready (default true; tests skip it: same results, only wall time changes). */
  warmUp?: boolean;
  /** Test only: the thread goes silent (no sub-batch, no heartbeat) after this many sub-batches. */
  hangAfter?: number;
}

/** Main thread → scorer thread: one more sub-batch may be made (the learner took one). */
export type ToScorerThread = { type: 'credit' };

/** Scorer thread → main thread. */
export type FromScorerThread =
  { type: 'ready' } | { type: 'alive' } | { type: 'message'; message: ScorerMessage } | { type: 'failed'; message: string };

/** A heartbeat every second while the thread is alive; the learner side reports a stall after DEFAULT_STALL_MS of silence. */
export const HEARTBEAT_MS = 1000;
