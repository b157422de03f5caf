import { useRef, useState, type PointerEvent } from 'react';
import { useElementWidth } from '../experiment/useElementWidth';

/** One line of the plot: (x, y) points in data units, drawn in the run's colour and dash. */
export interface PlotSeries {
  id: string;
  points: { x: number; y: number }[];
  color: string | undefined;
  dash: string | undefined;
  width: number;
}

interface Axis {
  domain: [number, number];
  ticks: number[];
}

interface Props {
  series: PlotSeries[];
  x: Axis & { label: string; format: (value: number) => string };
  y: Axis & { unit: string };
  /** A horizontal reference line (IID's final accuracy a*), in y units; null: none. */
  reference: { y: number; label: string } | null;
  height: number;
  /** The values at the nearest x under the pointer, titled by this (only where the series share their x values); null: no readout. */
  readoutTitle: ((x: number) => string) | null;
}

const MARGIN = { top: 8, right: 40, bottom: 38, left: 48 };

/**
 * A line plot drawn as plain SVG: grid, axes at the given ticks, one polyline per series, a reference
 * line, and an optional readout under the pointer. The race chart redraws at every evaluation while the
 * worker trains; as plain elements a redraw only sets a few attributes per line, where recharts' render
 * (its whole axis map recomputed, plus DOM measuring) took 9–54 ms per update under 2× CPU throttling.
 */
export function AccuracyPlot({ series, x, y, reference, height, readoutTitle }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const inner = { w: Math.max(1, width - MARGIN.left - MARGIN.right), h: height - MARGIN.top - MARGIN.bottom };
  const px = (v: number) => MARGIN.left + ((v - x.domain[0]) / (x.domain[1] - x.domain[0] || 1)) * inner.w;
  const py = (v: number) =>
    MARGIN.top + (1 - (Math.min(Math.max(v, y.domain[0]), y.domain[1]) - y.domain[0]) / (y.domain[1] - y.domain[0] || 1)) * inner.h;
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const onMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!readoutTitle || xs.length === 0) return;
    const at = event.clientX - event.currentTarget.getBoundingClientRect().left;
    setHoverX(xs.reduce((best, v) => (Math.abs(px(v) - at) < Math.abs(px(best) - at) ? v : best)));
  };
  const readout =
    hoverX === null ? [] : series.flatMap((s) => s.points.filter((p) => p.x === hoverX).map((p) => ({ id: s.id, color: s.color, y: p.y })));
  return (
    <div ref={box} className="accuracy-plot">
      {width > 0 && (
        <svg width={width} height={height} onPointerMove={onMove} onPointerLeave={() => setHoverX(null)}>
          <g className="plot-grid">
            {x.ticks.map((t) => (
              <line key={`x${t}`} x1={px(t)} x2={px(t)} y1={MARGIN.top} y2={MARGIN.top + inner.h} />
            ))}
            {y.ticks.map((t) => (
              <line key={`y${t}`} x1={MARGIN.left} x2={MARGIN.left + inner.w} y1={py(t)} y2={py(t)} />
            ))}
          </g>
          <g className="plot-axis">
            <line x1={MARGIN.left} x2={MARGIN.left + inner.w} y1={MARGIN.top + inner.h} y2={MARGIN.top + inner.h} />
            <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={MARGIN.top + inner.h} />
            {x.ticks.map((t) => (
              <text key={`x${t}`} x={px(t)} y={MARGIN.top + inner.h + 6} dy="0.71em" textAnchor="middle" className="chart-tick">
                {x.format(t)}
              </text>
            ))}
            {y.ticks.map((t) => (
              <text key={`y${t}`} x={MARGIN.left - 6} y={py(t)} dy="0.355em" textAnchor="end" className="chart-tick">
                {`${t}${y.unit}`}
              </text>
            ))}
            <text x={MARGIN.left + inner.w / 2} y={height - 4} textAnchor="middle" className="plot-axis-label">
              {x.label}
            </text>
          </g>
          {reference && (
            <g className="plot-reference">
              <line x1={MARGIN.left} x2={MARGIN.left + inner.w} y1={py(reference.y)} y2={py(reference.y)} />
              <text x={MARGIN.left + inner.w - 4} y={py(reference.y) - 4} textAnchor="end">
                {reference.label}
              </text>
            </g>
          )}
          {series.map((s) => (
            <polyline
              key={s.id}
              points={s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')}
              fill="none"
              stroke={s.color}
              strokeDasharray={s.dash}
              strokeWidth={s.width}
              strokeLinejoin="round"
            />
          ))}
          {hoverX !== null && <line className="plot-cursor" x1={px(hoverX)} x2={px(hoverX)} y1={MARGIN.top} y2={MARGIN.top + inner.h} />}
        </svg>
      )}
      {hoverX !== null && readout.length > 0 && (
        <div className="plot-readout" style={{ left: Math.min(px(hoverX) + 8, Math.max(0, width - 200)) }}>
          <strong>{readoutTitle?.(hoverX)}</strong>
          {readout.map((r) => (
            <div key={r.id} style={{ color: r.color }}>
              {r.id}: {r.y.toFixed(1)}
              {y.unit}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
