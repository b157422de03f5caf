/// <reference lib="webworker" />
import { parseCsvImageSet } from '../core/data/upload/csvImageSet';
import { encodeLabImageSet } from '../core/data/upload/labImageSetCodec';
import { DatasetFileError } from '../core/data/upload/uploadLimits';
import type { ParseCsvReply, ParseCsvRequest } from './parseCsvOffThread';

/** Parses one uploaded CSV off the page's main thread (a 14 MB CSV takes seconds). */
self.onmessage = (event: MessageEvent<ParseCsvRequest>) => {
  const { bytes, fileName, size } = event.data;
  let reply: ParseCsvReply;
  try {
    const set = parseCsvImageSet(bytes, { fileName, ...(size ?? {}) });
    reply = { ok: true, set, encoded: encodeLabImageSet(set) };
  } catch (error) {
    reply = {
      ok: false,
      message:
        error instanceof DatasetFileError
          ? error.message
          : `${fileName}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  self.postMessage(reply);
};
