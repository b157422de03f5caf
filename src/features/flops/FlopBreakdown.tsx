import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PHASES, sumPhases, type Phase, type PhaseRecord } from '../../core/accounting/phases';
import { formatFlops } from '../../core/accounting/units';
import { useHovered } from '../experiment/useHovered';
import { HtmlLegend } from '../experiment/HtmlLegend';
import type { LiveRun } from '../experiment/liveState';
import { niceAxis } from '../experiment/formatters';
import { FLOP_TICK, fixedTicks, NUMBER_TICK } from '../experiment/axisTicks';

interface Props {
  runs: LiveRun[];
}

/** Phase colours: a dark slate for the learner and Okabe–Ito hues for the overheads. */
const PHASE_STYLES: PhaseRecord<{ label: string; color: string }> = {
  learner: { label: 'learner updates', color: '#33415c' },
  scoring: { label: 'scoring forwards', color: '#e69f00' },
  online: { label: 'online model updates', color: '#56b4e9' },
  reference: { label: 'reference updates', color: '#cc79a7' },
};
const PHASE_BARS = PHASES.map((key) => ({ key, ...PHASE_STYLES[key] }));

interface Row extends Record<Phase, number> {
  name: string;
  total: number;
  pretrain: number;
}

function share(part: number, total: number): string {
  return total > 0 ? `${((100 * part) / total).toFixed(0)}%` : '0%';
}

function rowSummary(row: Row): string {
  const parts = PHASE_BARS.filter((p) => row[p.key] > 0).map(
    (p) => `${p.label} ${formatFlops(row[p.key])} (${share(row[p.key], row.total)})`,
  );
  const pretrain = row.pretrain > 0 ? `; plus ${formatFlops(row.pretrain)} once to pretrain the reference` : '';
  return `${row.name}: ${formatFlops(row.total)} in training — ${parts.join(', ') || 'nothing counted'}${pretrain}.`;
}

/** Where each finished run's training FLOPs went, by phase, with one-off reference pretraining noted. */
export function FlopBreakdown({ runs }: Props) {
  const rows: Row[] = runs.flatMap((run) => {
    if (!run.finished) return [];
    const f = run.finished.phaseFlops;
    return [{ name: run.id, ...f, total: sumPhases(f), pretrain: run.finished.referencePretrainFlops }];
  });
  const pretrained = rows.filter((r) => r.pretrain > 0);
  const activePhases = PHASE_BARS.filter((p) => rows.some((r) => r[p.key] > 0));
  const [hovered, hover] = useHovered();
  const flopAxis = niceAxis(0, Math.max(0, ...rows.map((r) => r.total)));
  return (
    <section className="panel flop-breakdown" aria-labelledby="flop-breakdown-title" data-testid="flop-breakdown" data-runs={rows.length}>
      <h2 id="flop-breakdown-title">Where the FLOPs go</h2>
      {rows.length === 0 ? (
        <p className="hint">The FLOP breakdown appears here when a run finishes.</p>
      ) : (
        <figure className="flop-breakdown-figure">
          <HtmlLegend items={activePhases.map((p) => ({ label: p.label, color: p.color, marker: 'swatch' as const }))} />
          <div aria-hidden="true" {...hover}>
            <ResponsiveContainer width="100%" height={Math.max(140, 48 * rows.length + 80)}>
              <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 44, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e3e8ef" horizontal={false} />
                <XAxis type="number" {...fixedTicks(flopAxis, FLOP_TICK)} />
                <YAxis type="category" dataKey="name" width={170} interval={0} tick={NUMBER_TICK} />
                {hovered && <Tooltip formatter={(value) => (typeof value === 'number' ? formatFlops(value) : String(value))} />}
                {activePhases.map((p) => (
                  <Bar key={p.key} dataKey={p.key} name={p.label} stackId="flops" fill={p.color} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption>
            <ul className="flop-breakdown-summary">
              {rows.map((row) => (
                <li key={row.name}>{rowSummary(row)}</li>
              ))}
            </ul>
            {pretrained.length > 0 ? (
              <p className="hint">
                One-off reference pretraining (not in the bars, charged only in “compute saving incl. reference pretraining”):{' '}
                {pretrained.map((r) => `${r.name} ${formatFlops(r.pretrain)}`).join('; ')}.
              </p>
            ) : (
              <p className="hint">No run pretrained a held-out reference.</p>
            )}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
