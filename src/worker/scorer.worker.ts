/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { parseBackendOverride } from '../core/backend/backendNames';
import { selectBackend } from '../core/backend/selectBackend';
import { restartWasmWithThreads } from '../core/backend/wasmThreads';
import { serveScorer } from '../core/pipeline/scorerThread';
import type { FromScorerThread, ToScorerThread } from '../core/pipeline/scorerThreadProtocol';
import { viteWasmPaths } from './wasmPaths';

/**
 * A pipeline's scorer side in a Web Worker next to the learner's (docs/architecture.md, "Pipeline"),
 * started by the learner worker. Its first message carries the run and the data; it starts the
 * learner's backend (on wasm with half the cores' threads: the learner keeps its own), then serveScorer.
 */
const post = (message: FromScorerThread) => self.postMessage(message);
let onCredit: (() => void) | null = null;
let onFinish: (() => void) | null = null;

self.onmessage = (event: MessageEvent<ToScorerThread>) => {
  const m = event.data;
  if (m.type === 'credit') onCredit?.();
  else if (m.type === 'finish') onFinish?.();
  else void start(m.data);
};

async function start(data: Extract<ToScorerThread, { type: 'start' }>['data']): Promise<void> {
  try {
    tf.env().set('PROD', true);
    const requested = parseBackendOverride(data.backend);
    const report = await selectBackend({ requested: requested.ok ? requested.backend : 'wasm', wasmPaths: viteWasmPaths });
    const cores = self.navigator.hardwareConcurrency;
    if (report.backend === 'wasm' && report.threads && report.threads.threads > 1)
      await restartWasmWithThreads(Math.max(1, Math.floor(cores / 2)));
  } catch (error) {
    post({ type: 'failed', message: `backend ${data.backend} did not start: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  await serveScorer(data, { post, onCredit: (handler) => (onCredit = handler), onFinish: (handler) => (onFinish = handler) });
}
