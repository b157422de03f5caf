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
  const refreshResumable = useCallback(async (opened: RunStore) => {
    const ids = new Set(await opened.checkpointIds());
    setResumable((old) => (old.size === ids.size && [...ids].every((id) => old.has(id)) ? old : ids));
  }, []);

  useEffect(() => {
    let cancelled = false;
    void openRunStore().then(async (opened) => {
      if (cancelled) return;
      setStore(opened);
      setRecords(await opened.list());
      await refreshResumable(opened);
    });
    return () => {
      cancelled = true;
    };
  }, [refreshResumable]);

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
      await refreshResumable(store);
    },
    [store, refreshResumable],
  );

  const saveCheckpoint = useCallback(
    async (id: string, checkpoint: ExperimentCheckpoint) => {
      if (!store) return;
      await store.saveCheckpoint(id, checkpoint);
      await refreshResumable(store);
    },
    [store, refreshResumable],
  );

  const removeCheckpoint = useCallback(
    async (id: string) => {
      if (!store) return;
      await store.removeCheckpoint(id);
      await refreshResumable(store);
    },
    [store, refreshResumable],
  );

  const getCheckpoint = useCallback(async (id: string) => store?.getCheckpoint(id), [store]);

  return { ready: store !== null, persistent: store?.persistent ?? false, records, save, remove, resumable, saveCheckpoint, removeCheckpoint, getCheckpoint };
}
