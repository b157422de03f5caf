import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * The value, at most once every `intervalMs` and `delayMs` after its first unshown change (the latest
 * one wins; the last change always arrives, and changes arriving faster than the delay cannot hold it
 * back), rendered in a main-thread task of its own as a transition. While `held`, changes wait and the
 * latest is shown once the hold ends. For panels that need not follow every evaluation while the worker
 * trains: fewer chart renders, staggered by their delays, keep every task short on a 2-core machine.
 */
export function useThrottledValue<T>(value: T, intervalMs: number, delayMs = 0, held = false): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(Number.NEGATIVE_INFINITY);
  const pendingSince = useRef<number | null>(null);
  useEffect(() => {
    if (held) return;
    const now = performance.now();
    pendingSince.current ??= now;
    const wait = Math.max(0, pendingSince.current + delayMs - now, lastShownAt.current + intervalMs - now);
    const timer = setTimeout(() => {
      lastShownAt.current = performance.now();
      pendingSince.current = null;
      startTransition(() => setShown(() => value));
    }, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs, delayMs, held]);
  return shown;
}
