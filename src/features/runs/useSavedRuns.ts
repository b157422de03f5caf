import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExperimentCheckpoint } from '../../core/experiment/checkpoint';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { openRunStore, type RunStore, type SavedRecord } from './runStore';
import { checkSavedRecords, type CheckedRecords } from './savedRecordCheck';
import { STORE_CLOSED_MESSAGE, storageErrorMessage } from './storageErrors';

export type SaveOutcome = { ok: true; record: SavedRecord } | { ok: false; message: string };

/**
 * Saved experiments (IndexedDB, or memory where it is unavailable), listed newest first. Stored
 * records are checked against the result schema on every load: a broken one is listed apart
 * (Export / Delete), never drawn. Every write is awaited; a failed one sets `storageError`.
 */
export function useSavedRuns() {
  const [store, setStore] = useState<RunStore | null>(null);
  const [listing, setListing] = useState<CheckedRecords>({ records: [], broken: [] });
  const [storageError, setStorageError] = useState<string | null>(null);
  /** Records that can be resumed (they have a checkpoint). */
  const [resumable, setResumable] = useState<ReadonlySet<string>>(new Set());
  /** Marks one record resumable or not; the same set (no re-render) when nothing changes. */
  const markResumable = useCallback((id: string, has: boolean) => {
    setResumable((old) => {
      if (old.has(id) === has) return old;
      const next = new Set(old);
      if (has) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const report = useCallback((action: string, error: unknown) => {
    const message = storageErrorMessage(action, error);
    setStorageError(message);
    return message;
  }, []);
  // The in-progress record is saved every 2 s: its check is not redone while it is unchanged.
  const checked = useRef(new Map<string, CheckedRecords>());
  const refresh = useCallback(async (opened: RunStore) => {
    const stored = await opened.list();
    const next = new Map<string, CheckedRecords>();
    const listed: CheckedRecords = { records: [], broken: [] };
    for (const raw of stored as unknown[]) {
      const r = raw as Partial<SavedRecord> | null;
      const key = `${String(r?.id)}@${String(r?.savedAt)}`;
      const one = checked.current.get(key) ?? checkSavedRecords([raw]);
      next.set(key, one);
      listed.records.push(...one.records);
      listed.broken.push(...one.broken);
    }
    checked.current = next;
    setListing(listed);
  }, []);

  useEffect(() => {
    let cancelled = false;
    void openRunStore(globalThis.indexedDB, () => setStorageError(STORE_CLOSED_MESSAGE)).then(async (opened) => {
      if (cancelled) return;
      setStore(opened);
      try {
        await refresh(opened);
        setResumable(new Set(await opened.checkpointIds()));
      } catch (error) {
        report('read the saved runs', error);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [refresh, report]);

  const save = useCallback(
    async (result: ExperimentResult, name?: string, id?: string): Promise<SaveOutcome> => {
      if (!store) return { ok: false, message: 'Saved runs are still opening; try again in a moment.' };
      try {
        const record = await store.save(result, name, id);
        await refresh(store);
        return { ok: true, record };
      } catch (error) {
        return { ok: false, message: report('save the experiment', error) };
      }
    },
    [store, refresh, report],
  );

  const remove = useCallback(
    async (id: string) => {
      if (!store) return;
      try {
        await store.remove(id);
        await refresh(store);
        markResumable(id, false);
      } catch (error) {
        report('delete the saved run', error);
      }
    },
    [store, markResumable, refresh, report],
  );

  const saveCheckpoint = useCallback(
    async (id: string, checkpoint: ExperimentCheckpoint) => {
      if (!store) return;
      try {
        await store.saveCheckpoint(id, checkpoint);
        markResumable(id, true);
      } catch (error) {
        report('save a checkpoint (a crash or reload could not resume from it)', error);
      }
    },
    [store, markResumable, report],
  );

  const removeCheckpoint = useCallback(
    async (id: string) => {
      if (!store) return;
      try {
        await store.removeCheckpoint(id);
        markResumable(id, false);
      } catch (error) {
        report('remove a finished checkpoint', error);
      }
    },
    [store, markResumable, report],
  );

  const getCheckpoint = useCallback(
    async (id: string) => {
      try {
        return await store?.getCheckpoint(id);
      } catch (error) {
        report('read the checkpoint', error);
        return undefined;
      }
    },
    [store, report],
  );

  return {
    ready: store !== null,
    persistent: store?.persistent ?? false,
    records: listing.records,
    broken: listing.broken,
    save,
    remove,
    resumable,
    saveCheckpoint,
    removeCheckpoint,
    getCheckpoint,
    storageError,
    dismissStorageError: useCallback(() => setStorageError(null), []),
  };
}
