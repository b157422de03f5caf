import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../src/core/backend/selectBackend';
import { trainStepWork } from '../../src/core/bench/benchMeasures';

/** What cli/contention/coreContention.ts hands its load thread. */
export interface LoadThreadData {
  variant: string;
  batch: number;
  /** Int32 flag: the thread trains while it reads 0 and stops at 1 (shared memory: no message is needed mid-loop). */
  stop: SharedArrayBuffer;
}

/** The second core's load: the same wasm training step as the main thread's, in a loop until told to stop. */
const port = parentPort!;
const { variant, batch, stop } = workerData as LoadThreadData;
const flag = new Int32Array(stop);
tf.env().set('PROD', true);
await selectBackend({ requested: 'wasm' });
const step = trainStepWork(variant, batch);
await step.work(); // compiled and allocated before the main thread starts timing
port.postMessage({ type: 'ready' });
let steps = 0;
while (Atomics.load(flag, 0) === 0) {
  await step.work();
  steps++;
}
step.dispose();
port.postMessage({ type: 'stopped', steps });
