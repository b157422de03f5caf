import { useMemo, useState } from 'react';

/**
 * Whether the pointer is over an element, with the handlers to spread on it. Charts mount their recharts
 * <Tooltip> only while hovered: a mounted tooltip measures its box in the DOM after every chart render
 * (a forced layout of the whole page), which made the renders that follow a training run slow while
 * nobody was pointing at the chart.
 */
export function useHovered(): [boolean, { onPointerEnter: () => void; onPointerLeave: () => void }] {
  const [hovered, setHovered] = useState(false);
  const handlers = useMemo(() => ({ onPointerEnter: () => setHovered(true), onPointerLeave: () => setHovered(false) }), []);
  return [hovered, handlers];
}
