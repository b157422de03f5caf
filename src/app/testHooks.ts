import { useEffect } from 'react';
import type { Engine } from '../worker/engine';

/**
 * With `?testHooks=1` only: exposes `window.__labTest.simulateFailure('worker-crash' | 'device-loss')`
 * so the e2e suite can make the real failures happen and check the recovery.
 */
export function useTestHooks(engine: Engine | null): void {
  useEffect(() => {
    if (!engine || new URLSearchParams(window.location.search).get('testHooks') !== '1') return;
    const target = window as unknown as { __labTest?: { simulateFailure: Engine['simulateFailure'] } };
    target.__labTest = { simulateFailure: (failure) => engine.simulateFailure(failure) };
    return () => {
      delete target.__labTest;
    };
  }, [engine]);
}
