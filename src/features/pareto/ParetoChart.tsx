import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { useHovered } from '../experiment/useHovered';
import { HtmlLegend } from '../experiment/HtmlLegend';
import { fixedTicks, PERCENT_TICK, plainTick } from '../experiment/axisTicks';
import { SAVING_COLORS } from '../experiment/savingColors';
import { formatSaving, percentAxis } from '../experiment/formatters';
import {
  breakEvenCurve,
  breakEvenSaving,
  computeFrontier,
  learnabilityOverhead,
  logRange,
  logTicks,
  pointsFromResults,
  type ParetoRunPoint,
} from './paretoPoints';

interface Props {
  results: ExperimentResult[];
  /** ρ = B/b of the experiments (draws the break-even curve). */
  filterRatio: number;
}

interface XY {
  x: number;
  y: number;
  label: string;
}

const LEARNER_COLOR = SAVING_COLORS.learner;
const COMPUTE_COLOR = SAVING_COLORS.compute;
const REGION_COLOR = '#009e73';

function ratioTick(x: number): string {
  return x >= 1 ? `${x}×` : `${Number(x.toPrecision(2))}×`;
}

const RATIO_TICK = plainTick(ratioTick);

function xy(points: ParetoRunPoint[], key: 'learnerSaving' | 'computeSaving'): XY[] {
  return points.flatMap((p) => {
    const v = p[key];
    return v === null ? [] : [{ x: p.scorerFlopRatio, y: 100 * v, label: p.label }];
  });
}

function pointSummary(p: ParetoRunPoint, filterRatio: number): string {
  const needed = breakEvenSaving(learnabilityOverhead(p.scorerFlopRatio, filterRatio));
  return `${p.label}: scorer ${ratioTick(p.scorerFlopRatio)} the learner's FLOPs, learner saving ${formatSaving(p.learnerSaving)}, compute saving ${formatSaving(p.computeSaving)} (break-even learner saving ${formatSaving(needed)})`;
}

/** Scorer cost against savings, one point per finished active run, with the compute-positive region. */
export function ParetoChart({ results, filterRatio }: Props) {
  const [hovered, hover] = useHovered();
  const points = pointsFromResults(results);
  if (points.length === 0) {
    return (
      <section className="panel pareto" aria-labelledby="pareto-title" data-testid="pareto-chart" data-points={0}>
        <h2 id="pareto-title">Scorer size vs savings</h2>
        <p className="hint">Finished runs appear here as points. The scorer-ladder preset fills the chart in one click.</p>
      </section>
    );
  }
  const [xMin, xMax] = logRange(points.map((p) => p.scorerFlopRatio));
  const learner = xy(points, 'learnerSaving');
  const compute = xy(points, 'computeSaving');
  const frontier = xy(computeFrontier(points), 'computeSaving');
  const lowest = Math.min(0, ...learner.map((p) => p.y), ...compute.map((p) => p.y));
  const yAxis = percentAxis(lowest, 100);
  const region = breakEvenCurve(xMin, xMax, filterRatio).map((p) => ({ x: p.x, range: [100 * p.saving, 100] as [number, number] }));
  const ticks = logTicks(xMin, xMax);
  return (
    <section className="panel pareto" aria-labelledby="pareto-title" data-testid="pareto-chart" data-points={points.length}>
      <h2 id="pareto-title">Scorer size vs savings</h2>
      <figure className="pareto-figure">
        <HtmlLegend
          items={[
            { label: 'net compute-positive', color: REGION_COLOR, dash: '4 3', marker: 'swatch' },
            { label: 'compute-saving frontier', color: COMPUTE_COLOR, width: 1.5 },
            { label: 'learner saving', color: LEARNER_COLOR, marker: 'circle' },
            { label: 'compute saving', color: COMPUTE_COLOR, marker: 'diamond' },
          ]}
        />
        <div aria-hidden="true" {...hover}>
          <ResponsiveContainer width="100%" height={320}>
            <ComposedChart margin={{ top: 8, right: 24, bottom: 24, left: 4 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e8ef" />
              <XAxis
                dataKey="x"
                type="number"
                scale="log"
                {...fixedTicks({ domain: [xMin, xMax], ticks }, RATIO_TICK)}
                allowDataOverflow
                label={{ value: 'scorer ÷ learner forward FLOPs', position: 'insideBottom', offset: -14 }}
              />
              <YAxis type="number" {...fixedTicks(yAxis, PERCENT_TICK)} width={52} allowDataOverflow />
              {hovered && (
                <Tooltip
                  formatter={(value) =>
                    typeof value === 'number'
                      ? `${value.toFixed(1)}%`
                      : Array.isArray(value)
                        ? `≥ ${Number(value[0]).toFixed(1)}%`
                        : String(value)
                  }
                  labelFormatter={(label) => (typeof label === 'number' ? `scorer ${ratioTick(label)} learner` : String(label))}
                />
              )}
              <Area
                data={region}
                dataKey="range"
                name="net compute-positive"
                type="monotone"
                stroke={REGION_COLOR}
                strokeDasharray="4 3"
                fill={REGION_COLOR}
                fillOpacity={0.12}
                isAnimationActive={false}
              />
              <Line
                data={frontier}
                dataKey="y"
                name="compute-saving frontier"
                type="linear"
                stroke={COMPUTE_COLOR}
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
              />
              <Scatter data={learner} dataKey="y" name="learner saving" fill={LEARNER_COLOR} shape="circle" isAnimationActive={false} />
              <Scatter data={compute} dataKey="y" name="compute saving" fill={COMPUTE_COLOR} shape="diamond" isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <figcaption>
          <p className="hint">
            Shaded: net compute-positive — learner savings above the break-even curve s ≥ 1 − 1/(1 + o), with learnability overhead o = r(2ρ
            + 3)/3 at ρ = {filterRatio}. The line joins the Pareto frontier of compute saving against scorer cost.
          </p>
          <ul className="pareto-summary">
            {points.map((p) => (
              <li key={p.id}>{pointSummary(p, filterRatio)}</li>
            ))}
          </ul>
        </figcaption>
      </figure>
    </section>
  );
}
