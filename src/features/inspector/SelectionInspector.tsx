import { useEffect, useRef } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SelectionSampleWithPixels } from '../../worker/thumbnails';
import { useHovered } from '../experiment/useHovered';
import { HtmlLegend } from '../experiment/HtmlLegend';
import type { LiveRun } from '../experiment/liveState';
import { POLICY_STYLES, runLineStyles } from '../experiment/policyStyles';
import { formatPercent, niceAxis, percentAxis } from '../experiment/formatters';
import { fixedTicks, PERCENT_TICK } from '../experiment/axisTicks';
import { countsText, decodeGreyscale, greyToRgba, lossPairs, selectionCounts, thumbnailInfos, type ThumbnailInfo } from './selectionView';

interface Props {
  selection: (SelectionSampleWithPixels & { runId: string }) | null;
  runs: LiveRun[];
}

const SCALE = 3;

/** One greyscale thumbnail drawn at native size and scaled up with crisp pixels. */
function Thumbnail({ base64, imageSize, info }: { base64: string; imageSize: number; info: ThumbnailInfo }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    try {
      ctx.putImageData(new ImageData(greyToRgba(decodeGreyscale(base64, imageSize)), imageSize, imageSize), 0, 0);
    } catch {
      ctx.clearRect(0, 0, imageSize, imageSize);
    }
  }, [base64, imageSize]);
  const corrupted = info.corruption !== 0;
  const classes = ['inspector-thumb', info.selected ? 'inspector-thumb-selected' : '', corrupted ? 'inspector-thumb-corrupted' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      className={classes}
      data-testid="inspector-thumb"
      data-selected={String(info.selected)}
      data-corrupted={String(corrupted)}
      title={info.description}
    >
      <canvas
        ref={canvas}
        width={imageSize}
        height={imageSize}
        role="img"
        aria-label={info.description}
        style={{ width: imageSize * SCALE, height: imageSize * SCALE }}
      />
      {corrupted && <span className="inspector-badge" aria-hidden="true" />}
    </li>
  );
}

function NoisyHistoryChart({ runs }: { runs: LiveRun[] }) {
  // Always mounted (axes only while empty): the chart's costly first mount happens at page load.
  const withHistory = runs.filter((r) => r.noisyHistory.length > 0);
  const styles = runLineStyles(runs);
  const stepAxis = niceAxis(0, Math.max(1, ...runs.map((r) => r.totalSteps)));
  const yAxis = percentAxis(0, Math.max(5, ...withHistory.flatMap((r) => r.noisyHistory.map((h) => 100 * h.fraction))));
  const summary = withHistory
    .map((r) => {
      const last = r.noisyHistory[r.noisyHistory.length - 1];
      return last ? `${r.id}: ${formatPercent(last.fraction)} at step ${last.step}` : r.id;
    })
    .join('; ');
  return (
    <figure className="inspector-history">
      <HtmlLegend
        items={withHistory.map((run) => ({ label: run.id, color: styles.get(run.id)?.color, dash: styles.get(run.id)?.dash, width: 2 }))}
      />
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e8ef" />
            <XAxis
              dataKey="step"
              type="number"
              {...fixedTicks(stepAxis)}
              label={{ value: 'learner steps', position: 'insideBottom', offset: -12 }}
            />
            <YAxis type="number" {...fixedTicks(yAxis, PERCENT_TICK)} width={48} />

            {withHistory.map((run) => {
              const style = styles.get(run.id);
              return (
                <Line
                  key={run.id}
                  data={run.noisyHistory.map((h) => ({ step: h.step, share: 100 * h.fraction }))}
                  dataKey="share"
                  name={run.id}
                  stroke={style?.color}
                  strokeDasharray={style?.dash}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        {withHistory.length === 0
          ? 'The corrupted share of selected examples appears after the first evaluation.'
          : `Corrupted share of the selected examples over time. ${summary}.`}
      </figcaption>
    </figure>
  );
}

function LossScatter({ selection }: { selection: SelectionSampleWithPixels | null }) {
  // Always mounted (empty until a learnability run reports both losses).
  const pairs = (selection && lossPairs(selection)) ?? [];
  const picked = pairs.filter((p) => p.selected);
  const skipped = pairs.filter((p) => !p.selected);
  const [hovered, hover] = useHovered();
  const lossAxis = (losses: number[]) => (losses.length ? niceAxis(Math.min(0, ...losses), Math.max(...losses)) : niceAxis(0, 1));
  const referenceAxis = lossAxis(pairs.map((p) => p.reference).filter(Number.isFinite));
  const onlineAxis = lossAxis(pairs.map((p) => p.online).filter(Number.isFinite));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
  const gap = (ps: typeof pairs) => {
    const g = mean(ps.map((p) => p.online - p.reference));
    return Number.isNaN(g) ? 'n/a' : (Math.abs(g) < 0.005 ? 0 : g).toFixed(2);
  };
  return (
    <figure className="inspector-scatter">
      <h3>Online vs reference loss</h3>
      <HtmlLegend
        items={[
          { label: 'not selected', color: '#9aa5b1', marker: 'circle' },
          { label: 'selected', color: POLICY_STYLES.learnability.color, marker: 'diamond' },
        ]}
      />
      <div aria-hidden="true" {...hover}>
        <ResponsiveContainer width="100%" height={240}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e8ef" />
            <XAxis
              dataKey="reference"
              type="number"
              name="reference loss"
              {...fixedTicks(referenceAxis)}
              label={{ value: 'reference loss', position: 'insideBottom', offset: -12 }}
            />
            <YAxis dataKey="online" type="number" name="online loss" {...fixedTicks(onlineAxis)} width={48} />
            {hovered && <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(3) : String(value))} />}
            <Scatter data={skipped} name="not selected" fill="#9aa5b1" isAnimationActive={false} />
            <Scatter data={picked} name="selected" fill={POLICY_STYLES.learnability.color} shape="diamond" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        {pairs.length === 0 ? 'Appears when a policy scores with both an online and a reference model. ' : ''}Each point is one super-batch
        example (y: online loss, x: reference loss). Mean online − reference loss: {gap(picked)} for the {picked.length} selected,{' '}
        {gap(skipped)} for the {skipped.length} others.
      </figcaption>
    </figure>
  );
}

/** The latest super-batch: what was picked, which examples are corrupted, and how that evolves. */
export function SelectionInspector({ selection, runs }: Props) {
  // One tree whether or not a selection exists, so the charts below stay mounted (no remount on the
  // first sample while the worker trains).
  const infos = selection ? thumbnailInfos(selection) : [];
  const counts = selectionCounts(infos);
  return (
    <section
      className="panel inspector"
      aria-labelledby="inspector-title"
      data-testid="inspector"
      data-run={selection?.runId}
      data-step={selection?.step}
    >
      <h2 id="inspector-title">Selection inspector</h2>
      {selection ? (
        <>
          <p className="inspector-counts" data-testid="inspector-counts">
            {selection.runId}, step {selection.step}: {countsText(counts)}.
          </p>
          <p className="hint">Highlighted: selected for training. Red corner: corrupted (noisy label, duplicate or unlearnable).</p>
        </>
      ) : (
        <p className="hint">The super-batch of the latest step appears here once a run starts selecting.</p>
      )}
      <ul
        className="inspector-grid"
        aria-label={selection ? `Super-batch of ${selection.runId} at step ${selection.step}` : 'Super-batch (none yet)'}
      >
        {selection &&
          infos.map((info) => (
            <Thumbnail key={info.position} base64={selection.thumbnails[info.position] ?? ''} imageSize={selection.imageSize} info={info} />
          ))}
      </ul>
      <h3>Corrupted share selected over time</h3>
      <NoisyHistoryChart runs={runs} />
      <LossScatter selection={selection} />
    </section>
  );
}
