import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * The value, at most once every `intervalMs` and never sooner than `delayMs` after it changed (the
 * latest one wins; the last change always arrives), rendered in a main-thread task of its own as a
 * transition. For panels that need not follow every evaluation while the worker trains: fewer chart
 * renders, staggered by their delays, keep every task short on a 2-core machine.
 */
export function useThrottledValue<T>(value: T, intervalMs: number, delayMs = 0): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const wait = Math.max(delayMs, lastShownAt.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      lastShownAt.current = performance.now();
      startTransition(() => setShown(() => value));
    }, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs, delayMs]);
  return shown;
}
