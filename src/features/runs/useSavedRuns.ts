import { useCallback, useEffect, useState } from 'react';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { openRunStore, type RunStore, type SavedRecord } from './runStore';

/** Saved experiments (IndexedDB, or memory where it is unavailable), listed newest first. */
export function useSavedRuns() {
  const [store, setStore] = useState<RunStore | null>(null);
  const [records, setRecords] = useState<SavedRecord[]>([]);

  useEffect(() => {
    let cancelled = false;
    void openRunStore().then(async (opened) => {
      if (cancelled) return;
      setStore(opened);
      setRecords(await opened.list());
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
    },
    [store],
  );

  return { ready: store !== null, persistent: store?.persistent ?? false, records, save, remove };
}
