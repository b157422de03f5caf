import { describe, expect, it } from 'vitest';
import { openRunStore } from './runStore';
import { SAMPLE_RESULT } from './sampleResult.fixture';
import { storageErrorMessage } from './storageErrors';

/** Just enough of IndexedDB to open a database whose transactions fail with `failure`. */
function fakeIndexedDb(failure: () => Error) {
  const db = {
    objectStoreNames: { contains: () => true },
    onversionchange: null as null | (() => void),
    closes: 0,
    close() {
      this.closes++;
    },
    transaction() {
      throw failure();
    },
  };
  const factory = {
    open() {
      const request: { result: typeof db; onsuccess?: () => void } = { result: db };
      queueMicrotask(() => request.onsuccess?.());
      return request;
    },
  };
  return { db, factory: factory as unknown as IDBFactory };
}

describe('storage errors reach the user with what to do', () => {
  it('a full quota: the write rejects and the message says to export, delete old runs or free space', async () => {
    const { factory } = fakeIndexedDb(() => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const store = await openRunStore(factory);
    expect(store.persistent).toBe(true);
    const error = await store.save(SAMPLE_RESULT).then(
      () => null,
      (e: unknown) => e,
    );
    expect(storageErrorMessage('save the experiment', error)).toBe(
      "Could not save the experiment: this browser's storage for the lab is full. Use Export JSON to keep the results you need, then delete old saved runs or free disk space.",
    );
  });

  it('another tab upgrading the database: this one closes, says so once, and refuses later writes with a reason', async () => {
    const { db, factory } = fakeIndexedDb(() => new Error('unreachable: closed stores do not open transactions'));
    let told = 0;
    const store = await openRunStore(factory, () => told++);
    expect(db.onversionchange).toBeTypeOf('function');
    db.onversionchange?.();
    db.onversionchange?.();
    expect(db.closes).toBe(1);
    expect(told).toBe(1);
    const error = await store.save(SAMPLE_RESULT).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('StoreClosedError');
    expect(storageErrorMessage('save the experiment', error)).toBe(
      'Could not save the experiment: saved runs were closed because another tab upgraded or deleted them. Export JSON to keep this result, then reload the page.',
    );
  });

  it('any other failure names the cause and what to do', () => {
    expect(storageErrorMessage('delete the saved run', new Error('disk I/O error'))).toBe(
      'Could not delete the saved run (disk I/O error). Use Export JSON to keep a copy, free some disk space, and reload the page to try again.',
    );
  });
});
