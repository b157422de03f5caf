import { useCallback, useEffect, useState } from 'react';
import type { BackendName } from '../../core/backend/backendNames';
import type { CapabilityReport } from '../../core/backend/selectBackend';
import type { SelfCheckResult } from '../../core/backend/selfCheck';
import type { Engine } from '../../worker/engine';

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
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Picks the engine's backend, then runs the GPU self-check once it is ready. */
export function useBackendSession(engine: Engine | null, requested: BackendName | null) {
  const [backend, setBackend] = useState<BackendState>({ status: 'starting' });
  const [selfCheck, setSelfCheck] = useState<SelfCheckState>({ status: 'idle' });

  const runSelfCheck = useCallback(async () => {
    if (!engine) return;
    setSelfCheck({ status: 'running' });
    try {
      setSelfCheck({ status: 'done', result: await engine.selfCheck(SELF_CHECK_SIZE) });
    } catch (error) {
      setSelfCheck({ status: 'failed', message: message(error) });
    }
  }, [engine]);

  useEffect(() => {
    if (!engine) return;
    let cancelled = false;
    engine
      .initBackend(requested)
      .then((report) => {
        if (cancelled) return;
        setBackend({ status: 'ready', report });
        void runSelfCheck();
      })
      .catch((error: unknown) => {
        if (!cancelled) setBackend({ status: 'failed', message: message(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [engine, requested, runSelfCheck]);

  return { backend, selfCheck, runSelfCheck };
}
