import { useCallback, useEffect, useState } from 'react';
import type { ExperimentCheckpoint } from '../../core/experiment/checkpoint';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { openRunStore, type RunStore, type SavedRecord } from './runStore';

/** Saved experiments (IndexedDB, or memory where it is unavailable), listed newest first. */
export function useSavedRuns() {
  const [store, setStore] = useState<RunStore | null>(null);
  const [records, setRecords] = useState<SavedRecord[]>([]);
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

  useEffect(() => {
    let cancelled = false;
    void openRunStore().then(async (opened) => {
      if (cancelled) return;
      setStore(opened);
      setRecords(await opened.list());
      setResumable(new Set(await opened.checkpointIds()));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const save = useCallback(
    async (result: ExperimentResult, name?: string, id?: string) => {
      if (!store) return null;
      const record = await store.save(result, name, id);
      setRecords(await store.list());
      return record;
    },
    [store],
  );

  const remove = useCallback(
    async (id: string) => {
      if (!store) return;
      await store.remove(id);
      setRecords(await store.list());
      markResumable(id, false);
    },
    [store, markResumable],
  );

  const saveCheckpoint = useCallback(
    async (id: string, checkpoint: ExperimentCheckpoint) => {
      if (!store) return;
      await store.saveCheckpoint(id, checkpoint);
      markResumable(id, true);
    },
    [store, markResumable],
  );

  const removeCheckpoint = useCallback(
    async (id: string) => {
      if (!store) return;
      await store.removeCheckpoint(id);
      markResumable(id, false);
    },
    [store, markResumable],
  );

  const getCheckpoint = useCallback(async (id: string) => store?.getCheckpoint(id), [store]);

  return { ready: store !== null, persistent: store?.persistent ?? false, records, save, remove, resumable, saveCheckpoint, removeCheckpoint, getCheckpoint };
}
