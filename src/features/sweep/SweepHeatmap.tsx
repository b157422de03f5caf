import type { SweepCellResult } from '../../core/sweep/runSweep';
import type { SweepAxis } from '../../core/sweep/sweepSpec';
import { formatSaving } from '../experiment/formatters';

interface Props {
  title: string;
  measure: 'learnerSaving' | 'computeSaving';
  rows: SweepAxis;
  cols: SweepAxis;
  cells: SweepCellResult[];
  /** The cell training now (drawn as pending). */
  current: string | null;
  /** The settings' own ρ and τ, and the paper's (ρ = 2, τ = 1), marked where the grid has them. */
  defaultValues: { rho: number; tau: number };
}

const PAPER = { rho: 2, tau: 1 };
const SYMBOL: Record<string, string> = { rho: 'ρ', tau: 'τ' };
const sym = (key: string) => SYMBOL[key] ?? key;

/** Green for a saving, red for a loss; the stronger, the further from zero (±60% saturates). */
function shade(value: number | null): string {
  if (value === null) return '#eef1f4';
  const strength = Math.min(1, Math.abs(value) / 0.6);
  const alpha = (0.15 + 0.65 * strength).toFixed(2);
  return value >= 0 ? `rgba(0, 158, 115, ${alpha})` : `rgba(213, 94, 0, ${alpha})`;
}

/** One saving over the ρ × τ grid, a cell per setting, filled in as cells finish. */
export function SweepHeatmap({ title, measure, rows, cols, cells, current, defaultValues }: Props) {
  const find = (r: number | string, c: number | string) => cells.find((x) => x.values[rows.key] === r && x.values[cols.key] === c);
  return (
    <table className="sweep-heatmap" data-testid={`heatmap-${measure}`}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">
            {sym(rows.key)} \ {sym(cols.key)}
          </th>
          {cols.values.map((c) => (
            <th scope="col" key={String(c)}>
              {sym(cols.key)} = {String(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.values.map((r) => (
          <tr key={String(r)}>
            <th scope="row">
              {sym(rows.key)} = {String(r)}
            </th>
            {cols.values.map((c) => {
              const cell = find(r, c);
              const id = `${rows.key}=${String(r)} ${cols.key}=${String(c)}`;
              const marks = [
                r === defaultValues.rho && c === defaultValues.tau ? 'current settings' : null,
                r === PAPER.rho && c === PAPER.tau ? "paper's setting" : null,
              ].filter(Boolean);
              const text = cell ? (cell.failure ? 'diverged' : formatSaving(cell[measure])) : current === id ? 'training…' : 'not run yet';
              return (
                <td
                  key={String(c)}
                  style={{ background: shade(cell ? cell[measure] : null), outline: marks.length > 0 ? '2px solid #333' : undefined }}
                  aria-label={`${rows.key} ${String(r)}, ${cols.key} ${String(c)}: ${title} ${text}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`}
                  data-cell={id}
                  data-done={cell ? 'true' : 'false'}
                >
                  {text}
                  {marks.length > 0 && (
                    <span className="sweep-mark"> {marks.map((m) => (m === "paper's setting" ? '★' : '◆')).join('')}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
