import { afterEach, describe, expect, it, vi } from 'vitest';
import { UPLOAD_LIMITS } from '../core/data/upload/uploadLimits';
import { parseCsvOffThread, type ParseCsvReply } from './parseCsvOffThread';

/** A Worker that never answers (a parse stuck on a hostile file), recording whether it was stopped. */
class SilentWorker {
  static made: SilentWorker[] = [];
  onmessage: ((event: MessageEvent<ParseCsvReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    SilentWorker.made.push(this);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  SilentWorker.made = [];
});

describe('parseCsvOffThread', () => {
  it('stops a parse that runs past the limit and answers with a message naming the file and the limit', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', SilentWorker);
    let reply: ParseCsvReply | null = null;
    void parseCsvOffThread({ bytes: new Uint8Array(4), fileName: 'slow.csv', size: null }).then((r) => (reply = r));
    await vi.advanceTimersByTimeAsync(UPLOAD_LIMITS.parseTimeoutMs - 1);
    expect(reply).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(reply).toEqual({
      ok: false,
      message:
        'slow.csv: reading took longer than 30 s and was stopped; check that the file is a CSV with one row per image (label,p0,p1,…) and short numeric cells, or upload a smaller file',
    });
    expect(SilentWorker.made[0]?.terminated).toBe(true);
  });

  it('answers once: a reply that arrives first cancels the timeout', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', SilentWorker);
    const replies: ParseCsvReply[] = [];
    void parseCsvOffThread({ bytes: new Uint8Array(4), fileName: 'a.csv', size: null }, 50).then((r) => replies.push(r));
    SilentWorker.made[0]?.onmessage?.({ data: { ok: false, message: 'a.csv: bad' } } as MessageEvent<ParseCsvReply>);
    await vi.advanceTimersByTimeAsync(100);
    expect(replies).toEqual([{ ok: false, message: 'a.csv: bad' }]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
