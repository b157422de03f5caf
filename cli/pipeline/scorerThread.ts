import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { pixelsPerImage } from '../../src/core/data/dataset';
import { restoreReference } from '../../src/core/experiment/checkpoint';
import { warmUp } from '../../src/core/experiment/warmUp';
import type { RunContext } from '../../src/core/experiment/runContext';
import { driveScorer, ScorerSide } from '../../src/core/pipeline/scorerSide';
import type { ScorerMessage } from '../../src/core/pipeline/scorerMessages';
import { taskForDataset } from '../../src/core/tasks/taskForDataset';
import { DeviceSplit } from '../../src/core/train/deviceData';
import { yieldToEventLoop } from '../../src/core/train/yieldToEventLoop';
import { HEARTBEAT_MS, type FromScorerThread, type ScorerThreadData, type ToScorerThread } from './threadMessages';

/**
 * A pipeline's scorer side in a worker thread of its own (docs/architecture.md, "Pipeline"): its own
 * tfjs backend (one wasm thread in Node), its own copy of the data on the device, the scorer models.
 * It makes a sub-batch only while it holds a credit (the queue has room): `depth` at the start, one
 * more each time the learner takes one.
 */
const port = parentPort!;
const { spec, dataset, backend, hangAfter, warmUp: warm = true } = workerData as ScorerThreadData;
const post = (message: FromScorerThread) => port.postMessage(message);
let credits = spec.depth;
let wake: (() => void) | null = null;
let sent = 0;
let silent = false;
port.on('message', (m: ToScorerThread) => {
  if (m.type !== 'credit') return;
  credits++;
  wake?.();
});
const heartbeat = setInterval(() => {
  if (!silent) post({ type: 'alive' });
}, HEARTBEAT_MS);

async function room(): Promise<void> {
  await yieldToEventLoop(); // lets credits and heartbeats through between steps
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  credits--;
}

function send(message: ScorerMessage): void {
  if (silent) return;
  post({ type: 'message', message });
  sent++;
  if (hangAfter !== undefined && sent >= hangAfter) silent = true;
}

async function main(): Promise<void> {
  tf.env().set('PROD', true);
  await selectBackend({ requested: backend });
  const input = { imageSize: dataset.imageSize, channels: dataset.channels, numClasses: dataset.numClasses };
  const pixels = pixelsPerImage(dataset);
  const task = taskForDataset(dataset, spec.config);
  const train = new DeviceSplit(dataset.train, pixels);
  const test = new DeviceSplit(dataset.test, pixels);
  const ctx: RunContext = { config: spec.config, task, input, train, test, emit: () => {} };
  if (spec.heldOutReference) ctx.pretrainedReference = restoreReference(task, spec.heldOutReference, spec.config, input);
  // This thread's backend is cold: warm it as the experiment warms the learner's (throwaway copies, same results).
  if (warm) await warmUp(ctx, [{ policy: spec.policy, scorer: spec.config.scorer }]);
  const side = new ScorerSide(ctx, spec);
  post({ type: 'ready' });
  try {
    await driveScorer(side, room, send);
  } finally {
    side.dispose();
  }
}

main().then(
  () => clearInterval(heartbeat),
  (error: unknown) => {
    clearInterval(heartbeat);
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  },
);
