/// <reference lib="webworker" />
import { selectBackend } from '../core/backend/selectBackend';
import { runMatmulSelfCheck } from '../core/backend/selfCheck';
import { PROTOCOL_VERSION, type RequestBody, type ResponseBody, type WorkerRequest, type WorkerResponse } from './protocol';
import { viteWasmPaths } from './wasmPaths';

async function handle(body: RequestBody): Promise<ResponseBody> {
  switch (body.type) {
    case 'init-backend':
      return { type: 'backend-ready', report: await selectBackend({ requested: body.requested, wasmPaths: viteWasmPaths }) };
    case 'self-check':
      return { type: 'self-check-result', result: await runMatmulSelfCheck(body.size) };
  }
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  if (request.v !== PROTOCOL_VERSION) {
    response = { v: PROTOCOL_VERSION, id: request.id, ok: false, error: `protocol version ${request.v} not supported (worker speaks ${PROTOCOL_VERSION}); reload the page` };
  } else {
    try {
      response = { v: PROTOCOL_VERSION, id: request.id, ok: true, body: await handle(request.body) };
    } catch (error) {
      response = { v: PROTOCOL_VERSION, id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  self.postMessage(response);
};
