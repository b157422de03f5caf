import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendName } from '../../core/backend/backendNames';
import type { CapabilityReport } from '../../core/backend/selectBackend';
import type { SelfCheckResult } from '../../core/backend/selfCheck';
import { LabWorkerClient } from '../../worker/labWorkerClient';

export type BackendState =
  | { status: 'starting' }
  | { status: 'ready'; report: CapabilityReport }
  | { status: 'failed'; message: string };

export type SelfCheckState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: SelfCheckResult }
  | { status: 'failed'; message: string };

const SELF_CHECK_SIZE = 256;

/** Starts the training worker, picks its backend, and runs the GPU self-check once it is ready. */
export function useBackendSession(requested: BackendName | null) {
  const client = useRef<LabWorkerClient | null>(null);
  const [backend, setBackend] = useState<BackendState>({ status: 'starting' });
  const [selfCheck, setSelfCheck] = useState<SelfCheckState>({ status: 'idle' });

  const runSelfCheck = useCallback(async () => {
    const worker = client.current;
    if (!worker) return;
    setSelfCheck({ status: 'running' });
    try {
      const { result } = await worker.request({ type: 'self-check', size: SELF_CHECK_SIZE });
      setSelfCheck({ status: 'done', result });
    } catch (error) {
      setSelfCheck({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  useEffect(() => {
    const worker = new LabWorkerClient();
    client.current = worker;
    let cancelled = false;
    worker
      .request({ type: 'init-backend', requested })
      .then(({ report }) => {
        if (cancelled) return;
        setBackend({ status: 'ready', report });
        void runSelfCheck();
      })
      .catch((error: unknown) => {
        if (!cancelled) setBackend({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      worker.terminate();
      client.current = null;
    };
  }, [requested, runSelfCheck]);

  return { backend, selfCheck, runSelfCheck };
}
