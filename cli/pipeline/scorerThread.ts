import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { parseBackendOverride } from '../../src/core/backend/backendNames';
import { serveScorer } from '../../src/core/pipeline/scorerThread';
import type { ScorerThreadData, ToScorerThread } from '../../src/core/pipeline/scorerThreadProtocol';

/** A pipeline's scorer side in a Node worker thread: its own tfjs backend (one wasm thread in Node), then serveScorer. */
const port = parentPort!;
const data = workerData as ScorerThreadData;
tf.env().set('PROD', true);
const backend = parseBackendOverride(data.backend);
await selectBackend({ requested: backend.ok ? backend.backend : 'wasm' });
await serveScorer(data, {
  post: (message) => port.postMessage(message),
  onCredit: (handler) => port.on('message', (m: ToScorerThread) => m.type === 'credit' && handler()),
  onFinish: (handler) => port.on('message', (m: ToScorerThread) => m.type === 'finish' && handler()),
});
