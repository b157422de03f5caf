import type { LabImageSet } from '../core/data/upload/labImageSet';
import { parseTimeoutMessage, UPLOAD_LIMITS } from '../core/data/upload/uploadLimits';

export interface ParseCsvRequest {
  bytes: Uint8Array;
  fileName: string;
  size: { width: number; height: number } | null;
}

export type ParseCsvReply = { ok: true; set: LabImageSet; encoded: Uint8Array } | { ok: false; message: string };

/**
 * Parses and validates an uploaded CSV in a short-lived Web Worker; resolves with the set or the
 * message. A parse that runs past `timeoutMs` is stopped (the worker terminated) and answered with a
 * message, so the upload inputs come back instead of staying disabled.
 */
export function parseCsvOffThread(request: ParseCsvRequest, timeoutMs: number = UPLOAD_LIMITS.parseTimeoutMs): Promise<ParseCsvReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./uploadParser.worker.ts', import.meta.url), { type: 'module', name: 'upload-parser' });
    let settled = false;
    const done = (reply: ParseCsvReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(reply);
    };
    const timer = setTimeout(() => done({ ok: false, message: parseTimeoutMessage(request.fileName, timeoutMs) }), timeoutMs);
    worker.onmessage = (event: MessageEvent<ParseCsvReply>) => done(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      done({ ok: false, message: `${request.fileName}: could not be read (${event.message || 'the parser stopped'})` });
    };
    worker.postMessage(request, [request.bytes.buffer]);
  });
}
