import type { ReactElement } from 'react';
import { formatFlopTick } from './formatters';

/** The element type recharts accepts from a custom tick. */
type TickElement = ReactElement<SVGElement>;

/** What recharts hands a custom tick: where to draw it and the tick's raw value. */
interface TickProps {
  x: number;
  y: number;
  textAnchor?: 'start' | 'middle' | 'end';
  verticalAnchor?: 'start' | 'middle' | 'end';
  payload: { value: number | string };
}

/** recharts' own baseline offsets for its tick anchors. */
const DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/**
 * An axis tick drawn as one plain SVG <text>. recharts' default tick measures every new label in the
 * DOM (a forced layout) and, on mount, reads the tick font and re-renders the axis; with FLOP labels
 * that change as a run trains, that work landed in the main-thread task that draws each update.
 * Pass the result as an axis's `tick`; make it once per format (a module constant), not per render.
 */
export function plainTick(format: (value: number) => string = String, unit = ''): (props: TickProps) => TickElement {
  return function PlainTick({ x, y, textAnchor = 'middle', verticalAnchor = 'middle', payload }: TickProps) {
    const value = typeof payload.value === 'number' ? format(payload.value) : payload.value;
    return (
      <text x={x} y={y} dy={DY[verticalAnchor]} textAnchor={textAnchor} className="chart-tick">
        {`${value}${unit}`}
      </text>
    ) as TickElement;
  };
}

/** The ticks most charts share: plain numbers (steps, losses), percentages, FLOP counts. */
export const NUMBER_TICK = plainTick();
export const PERCENT_TICK = plainTick(String, '%');
export const FLOP_TICK = plainTick(formatFlopTick);

/**
 * Axis props for ticks the chart chose itself (e.g. from niceAxis): recharts draws exactly these,
 * every one (interval 0: no label measuring to thin them out), and tickCount 0 stops it computing a
 * second, unused set of round ticks in decimal arithmetic on every render.
 */
export function fixedTicks(
  axis: { domain: [number, number]; ticks: number[] },
  tick: (props: TickProps) => TickElement = NUMBER_TICK,
): { domain: [number, number]; ticks: number[]; interval: 0; tickCount: 0; tick: (props: TickProps) => TickElement } {
  return { domain: axis.domain, ticks: axis.ticks, interval: 0, tickCount: 0, tick };
}
