import type { LabImageSet } from '../core/data/upload/labImageSet';

export interface ParseCsvRequest {
  bytes: Uint8Array;
  fileName: string;
  size: { width: number; height: number } | null;
}

export type ParseCsvReply = { ok: true; set: LabImageSet; encoded: Uint8Array } | { ok: false; message: string };

/** Parses and validates an uploaded CSV in a short-lived Web Worker; resolves with the set or the message. */
export function parseCsvOffThread(request: ParseCsvRequest): Promise<ParseCsvReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./uploadParser.worker.ts', import.meta.url), { type: 'module', name: 'upload-parser' });
    const done = (reply: ParseCsvReply) => {
      worker.terminate();
      resolve(reply);
    };
    worker.onmessage = (event: MessageEvent<ParseCsvReply>) => done(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      done({ ok: false, message: `${request.fileName}: could not be read (${event.message || 'the parser stopped'})` });
    };
    worker.postMessage(request, [request.bytes.buffer]);
  });
}
