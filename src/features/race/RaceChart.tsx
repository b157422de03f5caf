import { memo, useMemo } from 'react';
import { HtmlLegend } from '../experiment/HtmlLegend';
import type { LiveRun } from '../experiment/liveState';
import { runLineStyles } from '../experiment/policyStyles';
import { formatFlopTick, formatPercent, niceAxis, percentAxis } from '../experiment/formatters';
import { AccuracyPlot, type PlotSeries } from './AccuracyPlot';

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
  const maxSteps = Math.max(1, ...runs.map((r) => r.totalSteps));
  let maxFlops = 0;
  for (const points of data.values()) for (const p of points) maxFlops = Math.max(maxFlops, p.flops);
  // FLOP labels are wide: fewer of them fit under a half-width chart.
  const xAxis = xKey === 'step' ? niceAxis(0, maxSteps) : niceAxis(0, maxFlops, 5);
  const title = `${capitalised(metric)} vs ${xKey === 'step' ? 'learner steps' : 'cumulative training FLOPs'}`;
  const series: PlotSeries[] = runs.map((run) => ({
    id: run.id,
    points: (data.get(run.id) ?? []).map((p) => ({ x: p[xKey], y: p.accuracy })),
    color: styles.get(run.id)?.color,
    dash: styles.get(run.id)?.dash,
    width: run.policy === 'uniform' ? 2 : 2.5,
  }));
  return (
    <div className="race-chart-panel">
      <h3 className="race-chart-title">{title}</h3>
      <div aria-hidden="true">
        <AccuracyPlot
          series={series}
          x={{ ...xAxis, label: xKey === 'step' ? 'learner steps' : 'training FLOPs', format: xKey === 'step' ? String : formatFlopTick }}
          y={{ ...axis, unit: '%' }}
          reference={targetAccuracy === null ? null : { y: 100 * targetAccuracy, label: 'IID final a*' }}
          height={CHART_HEIGHT}
          // Runs share evaluation steps, so a step readout lines up; FLOPs differ per run, so none there.
          readoutTitle={xKey === 'step' ? (step) => `step ${step}` : null}
        />
      </div>
    </div>
  );
});

/** The race: test accuracy of IID and active runs, by learner steps and by training FLOPs. */
export function RaceChart({ runs, targetAccuracy, metric = 'test accuracy' }: Props) {
  const totalPoints = runs.reduce((n, r) => n + r.points.length, 0);
  // The axes stay drawn while empty, so the race has its frame before the first run starts.
  const empty = runs.length === 0;
  const { data, axis } = useMemo(() => {
    const data = new Map(
      runs.map((run) => [run.id, run.points.map((p) => ({ step: p.step, flops: p.flops, accuracy: 100 * p.testAccuracy }))]),
    );
    return { data, axis: yAxis(runs, targetAccuracy) };
  }, [runs, targetAccuracy]);
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
        <AccuracyChart runs={runs} data={data} targetAccuracy={targetAccuracy} xKey="flops" axis={axis} metric={metric} />
      </div>
      <figcaption className="race-chart-caption">{empty ? 'No runs yet.' : summary(runs, targetAccuracy, metric)}</figcaption>
    </figure>
  );
}
