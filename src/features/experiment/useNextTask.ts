import { startTransition, useEffect, useState } from 'react';

/**
 * The value, delayMs later: a panel fed through it renders in a main-thread task of its own instead
 * of adding to its neighbours', rendered as a transition, which keeps every task short while the
 * worker trains.
 */
export function useNextTask<T>(value: T, delayMs: number): T {
  const [later, setLater] = useState(value);
  useEffect(() => {
    // A transition: React may slice the render into ≤ 5 ms pieces (a plain timeout update would not).
    const timer = setTimeout(() => startTransition(() => setLater(() => value)), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return later;
}
