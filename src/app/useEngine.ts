import { useEffect, useState } from 'react';
import type { Engine } from '../worker/engine';
import { WorkerEngine } from '../worker/workerEngine';

/** One training worker for the page's lifetime (StrictMode-safe: created and disposed in an effect). */
export function useEngine(): Engine | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    const created = new WorkerEngine();
    setEngine(created);
    return () => created.dispose();
  }, []);
  return engine;
}
