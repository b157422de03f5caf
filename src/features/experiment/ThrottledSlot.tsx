import { useRef, type ReactNode } from 'react';
import { useOnScreen } from './useOnScreen';
import { useThrottledValue } from './useThrottledValue';

interface Props<T> {
  value: T;
  /** At most one render per interval (ms), `delayMs` after the value first changes (see useThrottledValue). */
  intervalMs: number;
  delayMs: number;
  /** While true (an experiment is training), the panel does not redraw while it is off-screen. */
  holdOffScreen: boolean;
  children: (shown: T) => ReactNode;
}

/**
 * A results panel that follows its input at a throttled pace and, while training, only while it is on
 * (or near) the screen: panels nobody can see cost the main thread nothing until they scroll into view
 * or the run ends, and then draw the latest value at once.
 */
export function ThrottledSlot<T>({ value, intervalMs, delayMs, holdOffScreen, children }: Props<T>) {
  const slot = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(slot);
  const shown = useThrottledValue(value, intervalMs, delayMs, holdOffScreen && !onScreen);
  return (
    <div className="panel-slot" ref={slot}>
      {children(shown)}
    </div>
  );
}
