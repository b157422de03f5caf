import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepCellResult } from '../../core/sweep/runSweep';
import { formatSaving } from '../experiment/formatters';
import { useHovered } from '../experiment/useHovered';
import { HtmlLegend } from '../experiment/HtmlLegend';
import { NUMBER_TICK, PERCENT_TICK } from '../experiment/axisTicks';
import { SAVING_COLORS } from '../experiment/savingColors';

const LEARNER_COLOR = SAVING_COLORS.learner;
const COMPUTE_COLOR = SAVING_COLORS.compute;

interface Props {
  cells: SweepCellResult[];
}

/** Learner and compute saving against the IID budget (learner updates), log x. */
export function BudgetChart({ cells }: Props) {
  const [hovered, hover] = useHovered();
  const points = [...cells]
    .sort((a, b) => a.steps - b.steps)
    .map((c) => ({
      steps: c.steps,
      learner: c.learnerSaving === null ? null : 100 * c.learnerSaving,
      compute: c.computeSaving === null ? null : 100 * c.computeSaving,
    }));
  const summary = points
    .map(
      (p, i) =>
        `${p.steps} steps: learner saving ${formatSaving(cells.find((c) => c.steps === p.steps)?.learnerSaving ?? null)}, compute saving ${formatSaving(cells.find((c) => c.steps === p.steps)?.computeSaving ?? null)}${i < points.length - 1 ? '; ' : ''}`,
    )
    .join('');
  return (
    <figure className="budget-chart" data-testid="budget-chart" aria-label={`Saving against the IID budget. ${summary}`}>
      <HtmlLegend
        items={[
          { label: 'learner saving', color: LEARNER_COLOR },
          { label: 'compute saving', color: COMPUTE_COLOR },
        ]}
      />
      <div {...hover}>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="steps"
              type="number"
              scale="log"
              domain={['auto', 'auto']}
              ticks={points.map((p) => p.steps)}
              interval={0}
              tick={NUMBER_TICK}
              label={{ value: 'IID budget (learner updates, log)', position: 'insideBottom', offset: -4 }}
            />
            <YAxis tick={PERCENT_TICK} />
            {hovered && <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : 'not reached')} />}
            <Line dataKey="learner" name="learner saving" stroke={LEARNER_COLOR} isAnimationActive={false} connectNulls />
            <Line dataKey="compute" name="compute saving" stroke={COMPUTE_COLOR} isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{summary || 'No budget has finished yet.'}</figcaption>
    </figure>
  );
}
