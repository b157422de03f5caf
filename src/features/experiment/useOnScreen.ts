import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is within (or 200 px of) the viewport. True until the first observation and
 * wherever IntersectionObserver is missing, so nothing is ever hidden by mistake.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}
