/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from '../core/backend/chooseBackend';
import { runMatmulSelfCheck } from '../core/backend/selfCheck';
import { fetchDatasetFile } from './datasetFetcher';
import { destroyDevice, deviceLostWithin, watchDeviceLoss } from './deviceWatch';
import { ExperimentSession } from './experimentSession';
import { PROTOCOL_VERSION, type RequestBody, type ResponseBody, type WorkerMessage, type WorkerRequest } from './protocol';
import { viteWasmPaths } from './wasmPaths';
import { webScorerStarter } from './webScorerStarter';

const session = new ExperimentSession(fetchDatasetFile, () => tf.getBackend(), {
  cores: self.navigator.hardwareConcurrency,
  // The page's main thread must stay responsive while the learner and scorer workers train: on 2
  // cores a third busy thread made the lab's long-task check fail and a micro run 1.7× slower
  // (docs/architecture.md, "Pipeline").
  otherBusyThreads: 1,
  startFor: webScorerStarter,
});
const post = (message: WorkerMessage) => self.postMessage(message);
/** How long a failed request waits to learn whether the GPU device was lost under it. */
const DEVICE_LOSS_GRACE_MS = 1000;

async function handle(id: number, body: RequestBody): Promise<ResponseBody> {
  switch (body.type) {
    case 'init-backend': {
      const report = await chooseBackend({ requested: body.requested, wasmPaths: viteWasmPaths, probeCache: body.probeCache });
      watchDeviceLoss((error) => post({ v: PROTOCOL_VERSION, kind: 'fatal', cause: 'device-lost', error }));
      return { type: 'backend-ready', report };
    }
    case 'self-check':
      return { type: 'self-check-result', result: await runMatmulSelfCheck(body.size) };
    case 'start-experiment':
      return {
        type: 'experiment-result',
        result: await session.run(body.config, body, (event) => post({ v: PROTOCOL_VERSION, kind: 'event', id, event }), {
          ...(body.upload ? { upload: body.upload } : {}),
          onCheckpoint: (checkpoint) => post({ v: PROTOCOL_VERSION, kind: 'checkpoint', id, checkpoint }),
        }),
      };
    case 'stop-experiment':
      session.stop();
      return { type: 'stopping' };
    case 'simulate-failure':
      if (body.failure === 'device-loss') {
        if (!destroyDevice()) throw new Error('no WebGPU device to lose: the backend is not webgpu');
      } else {
        setTimeout(() => {
          throw new Error('simulated worker crash');
        });
      }
      return { type: 'failure-scheduled' };
  }
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { v, id, body } = event.data;
  if (v !== PROTOCOL_VERSION) {
    post({
      v: PROTOCOL_VERSION,
      kind: 'response',
      id,
      ok: false,
      error: `protocol version ${v} not supported (worker speaks ${PROTOCOL_VERSION}); reload the page`,
    });
    return;
  }
  try {
    post({ v: PROTOCOL_VERSION, kind: 'response', id, ok: true, body: await handle(id, body) });
  } catch (error) {
    // A lost device answers with the 'fatal' message instead (the engine then fails this request as lost).
    if (await deviceLostWithin(DEVICE_LOSS_GRACE_MS)) return;
    post({ v: PROTOCOL_VERSION, kind: 'response', id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
