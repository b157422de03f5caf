import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { HtmlLegend } from '../experiment/HtmlLegend';
import type { LiveRun } from '../experiment/liveState';
import { runLineStyles } from '../experiment/policyStyles';
import { formatPercent, niceAxis, percentAxis } from '../experiment/formatters';
import { FLOP_TICK, fixedTicks, NUMBER_TICK, PERCENT_TICK } from '../experiment/axisTicks';
import { useHovered } from '../experiment/useHovered';
import { useThrottledValue } from '../experiment/useThrottledValue';

interface Props {
  runs: LiveRun[];
  /** a*: the IID run's smoothed final test accuracy (a fraction, 0–1), or null before it is known. */
  targetAccuracy: number | null;
  /** What the accuracy axis measures ("test accuracy", "zero-shot accuracy"). */
  metric?: string;
}

interface ChartPoint {
  step: number;
  flops: number;
  accuracy: number;
}

type XKey = 'step' | 'flops';

const CHART_HEIGHT = 280;

/** "uniform: 81.2% at step 400; learnability@ViT-Mi/8: 83.0% at step 400". */
const capitalised = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;

function summary(runs: LiveRun[], targetAccuracy: number | null, metric: string): string {
  const parts = runs.map((run) => {
    const last = run.points[run.points.length - 1];
    return last ? `${run.id}: ${formatPercent(last.testAccuracy)} at step ${last.step}` : `${run.id}: no evaluation yet`;
  });
  const target = targetAccuracy === null ? '' : ` IID final a* = ${formatPercent(targetAccuracy)}.`;
  return `${capitalised(metric)} by learner step and by training FLOPs. ${parts.join('; ')}.${target}`;
}

function yAxis(runs: LiveRun[], targetAccuracy: number | null): { domain: [number, number]; ticks: number[] } {
  let low = targetAccuracy === null ? 100 : 100 * targetAccuracy;
  for (const run of runs) for (const p of run.points) low = Math.min(low, 100 * p.testAccuracy);
  return percentAxis(Math.max(0, Math.min(low, 90)), 100);
}

const AccuracyChart = memo(function AccuracyChart({
  runs,
  data,
  targetAccuracy,
  xKey,
  axis,
  metric,
}: {
  runs: LiveRun[];
  data: Map<string, ChartPoint[]>;
  targetAccuracy: number | null;
  xKey: XKey;
  axis: { domain: [number, number]; ticks: number[] };
  metric: string;
}) {
  const styles = runLineStyles(runs);
  const [hovered, hover] = useHovered();
  const maxSteps = Math.max(1, ...runs.map((r) => r.totalSteps));
  let maxFlops = 0;
  for (const points of data.values()) for (const p of points) maxFlops = Math.max(maxFlops, p.flops);
  const xAxis = xKey === 'step' ? niceAxis(0, maxSteps) : niceAxis(0, maxFlops);
  const title = `${capitalised(metric)} vs ${xKey === 'step' ? 'learner steps' : 'cumulative training FLOPs'}`;
  return (
    <div className="race-chart-panel">
      <h3 className="race-chart-title">{title}</h3>
      <div aria-hidden="true" {...hover}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart margin={{ top: 8, right: xKey === 'flops' ? 40 : 28, bottom: 20, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e8ef" />
            <XAxis
              dataKey={xKey}
              type="number"
              {...fixedTicks(xAxis, xKey === 'flops' ? FLOP_TICK : NUMBER_TICK)}
              label={{ value: xKey === 'step' ? 'learner steps' : 'training FLOPs', position: 'insideBottom', offset: -12 }}
            />
            <YAxis type="number" {...fixedTicks(axis, PERCENT_TICK)} width={48} />
            {/* Runs share evaluation steps, so a step tooltip lines up; FLOPs differ per run, so none there. */}
            {xKey === 'step' && hovered && (
              <Tooltip
                formatter={(value) => (typeof value === 'number' ? `${value.toFixed(1)}%` : String(value))}
                labelFormatter={(label) => `step ${String(label)}`}
              />
            )}
            {targetAccuracy !== null && (
              <ReferenceLine
                y={100 * targetAccuracy}
                stroke="#1b2430"
                strokeDasharray="2 4"
                label={{ value: 'IID final a*', position: 'insideBottomRight', fill: '#1b2430', fontSize: 12 }}
              />
            )}
            {runs.map((run) => {
              const style = styles.get(run.id);
              return (
                <Line
                  key={run.id}
                  data={data.get(run.id) ?? []}
                  dataKey="accuracy"
                  name={run.id}
                  type="linear"
                  stroke={style?.color}
                  strokeDasharray={style?.dash}
                  strokeWidth={run.policy === 'uniform' ? 2 : 2.5}
                  dot={false}
                  isAnimationActive={false}
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
});

/** The race: test accuracy of IID and active runs, by learner steps and by training FLOPs. */
export function RaceChart({ runs, targetAccuracy, metric = 'test accuracy' }: Props) {
  const totalPoints = runs.reduce((n, r) => n + r.points.length, 0);
  // The axes stay mounted while empty, so the charts' first (costly) mount happens at page load,
  // not on the main thread while the worker trains.
  const empty = runs.length === 0;
  const view = useMemo(() => {
    const data = new Map(
      runs.map((run) => [run.id, run.points.map((p) => ({ step: p.step, flops: p.flops, accuracy: 100 * p.testAccuracy }))]),
    );
    return { runs, data, axis: yAxis(runs, targetAccuracy) };
  }, [runs, targetAccuracy]);
  const { data, axis } = view;
  // The FLOPs chart draws the same points a moment later, in a main-thread task of its own: two charts
  // in one render made tasks of 50 ms and more while the worker trained on 2 cores.
  const flopsView = useThrottledValue(view, 0, 60);
  const legendStyles = runLineStyles(runs);
  return (
    <figure className={empty ? 'race-chart race-chart-empty' : 'race-chart'} data-testid="race-chart" data-points={totalPoints}>
      {empty && <p className="hint">No runs yet: pick a preset and press Run to race the IID baseline against active selection.</p>}
      <HtmlLegend
        items={runs.map((run) => ({
          label: run.id,
          color: legendStyles.get(run.id)?.color,
          dash: legendStyles.get(run.id)?.dash,
          width: run.policy === 'uniform' ? 2 : 2.5,
        }))}
      />
      <div className="race-chart-grid">
        <AccuracyChart runs={runs} data={data} targetAccuracy={targetAccuracy} xKey="step" axis={axis} metric={metric} />
        <AccuracyChart
          runs={flopsView.runs}
          data={flopsView.data}
          targetAccuracy={targetAccuracy}
          xKey="flops"
          axis={flopsView.axis}
          metric={metric}
        />
      </div>
      <figcaption className="race-chart-caption">{empty ? 'No runs yet.' : summary(runs, targetAccuracy, metric)}</figcaption>
    </figure>
  );
}
