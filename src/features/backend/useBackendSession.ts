import { useCallback, useEffect, useState } from 'react';
import { BACKEND_ORDER, BACKEND_LABELS, type BackendName } from '../../core/backend/backendNames';
import type { CapabilityReport } from '../../core/backend/selectBackend';
import type { SelfCheckResult } from '../../core/backend/selfCheck';
import type { Engine, EngineFailure } from '../../worker/engine';
import { readProbeCache, storeProbeResult } from './probeCacheStorage';

export type BackendState = { status: 'starting' } | { status: 'ready'; report: CapabilityReport } | { status: 'failed'; message: string };

export type SelfCheckState =
  { status: 'idle' } | { status: 'running' } | { status: 'done'; result: SelfCheckResult } | { status: 'failed'; message: string };

const SELF_CHECK_SIZE = 256;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** After a lost GPU device, the next backend down; after a plain worker crash, the same one again. */
export function backendAfterFailure(current: BackendName, cause: EngineFailure['cause']): BackendName {
  if (cause !== 'device-lost') return current;
  return BACKEND_ORDER[Math.min(BACKEND_ORDER.indexOf(current) + 1, BACKEND_ORDER.length - 1)] as BackendName;
}

/**
 * Picks the engine's backend, then runs the GPU self-check once it is ready. When the engine
 * reports a failure (worker crash, lost GPU device) it re-initialises — on the next backend down
 * after a device loss — and says what happened.
 */
export function useBackendSession(engine: Engine | null, requested: BackendName | null) {
  const [backend, setBackend] = useState<BackendState>({ status: 'starting' });
  const [selfCheck, setSelfCheck] = useState<SelfCheckState>({ status: 'idle' });
  const [target, setTarget] = useState<BackendName | null>(requested);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = backend.status === 'ready' ? backend.report.backend : null;

  useEffect(() => {
    if (!engine) return;
    return engine.onFailure(({ cause, message }) => {
      const next = backendAfterFailure(current ?? 'wasm', cause);
      setFailure(
        `${message[0]?.toUpperCase()}${message.slice(1)}. The worker was restarted on ${BACKEND_LABELS[next]}; the runs so far and the last checkpoint are kept.`,
      );
      setBackend({ status: 'starting' });
      setTarget(next);
      setAttempt((n) => n + 1);
    });
  }, [engine, current]);

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
      .initBackend(target, target === null ? readProbeCache() : undefined)
      .then((report) => {
        if (report.probe && !report.probe.cached) storeProbeResult(report.probe);
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
  }, [engine, target, attempt, runSelfCheck]);

  return { backend, selfCheck, runSelfCheck, failure, dismissFailure: () => setFailure(null) };
}
