import { useEffect, useId, useState } from 'react';
import type { ExperimentConfig } from '../../core/config/experimentConfig';
import { gridCsv } from '../../core/sweep/gridCsv';
import { sweepResult } from '../../core/sweep/runSweep';
import type { Engine } from '../../worker/engine';
import { downloadText } from '../runs/exportImport';
import { BudgetChart } from './BudgetChart';
import { SweepHeatmap } from './SweepHeatmap';
import { useSweep } from './useSweep';

interface Props {
  kind: 'sensitivity' | 'budget';
  engine: Engine | null;
  /** The settings the grid varies (null while they are invalid). */
  base: ExperimentConfig | null;
  /** Why a sweep cannot start now (backend not ready, an experiment or the other sweep running), or null. */
  blockedReason: string | null;
  onRunningChange: (running: boolean) => void;
}

const TEXT = {
  sensitivity: {
    title: 'Sensitivity: ρ × τ',
    intro: 'Each cell trains the first active policy against IID with one ρ and τ; cells with the same ρ share one IID run.',
    fields: [
      { key: 'rho', label: 'ρ values (filter ratio)', initial: '1.5,2,4' },
      { key: 'tau', label: 'τ values (temperature)', initial: '0,0.1,0.3,1' },
    ],
  },
  budget: {
    title: 'Budget scaling',
    intro: 'Each budget trains IID and the first active policy for that many learner updates: does the saving grow with compute?',
    fields: [{ key: 'steps', label: 'IID budgets (learner updates)', initial: '200,400,800,1600' }],
  },
} as const;

/** A sweep panel: its values, Run / Stop, and the grid filling in cell by cell. */
export function SweepPanel({ kind, engine, base, blockedReason, onRunningChange }: Props) {
  const text = TEXT[kind];
  const id = useId();
  const sweep = useSweep(engine, `learnability-lab.sweep.${kind}`);
  const [values, setValues] = useState<string[]>(text.fields.map((f) => f.initial));
  const running = sweep.state.status === 'running';
  useEffect(() => onRunningChange(running), [running, onRunningChange]);
  const { plan, cells, current, status, message } = sweep.state;
  const run = () =>
    base &&
    void sweep.start(
      base,
      text.fields.map((f, i) => `${f.key}=${values[i] ?? ''}`),
    );
  const [rows, cols] = plan?.axes ?? [];
  return (
    <section className="panel sweep-panel" aria-labelledby={`${id}-title`} data-testid={`sweep-${kind}`} data-status={status}>
      <h2 id={`${id}-title`}>{text.title}</h2>
      <p>{text.intro}</p>
      <div className="sweep-inputs">
        {text.fields.map((f, i) => (
          <label key={f.key}>
            {f.label}{' '}
            <input
              value={values[i] ?? ''}
              disabled={running}
              onChange={(e) => setValues(values.map((v, j) => (j === i ? e.target.value : v)))}
              data-testid={`sweep-${kind}-${f.key}`}
            />
          </label>
        ))}
        {running ? (
          <button type="button" onClick={sweep.stop}>
            Stop sweep
          </button>
        ) : (
          <button type="button" onClick={run} disabled={blockedReason !== null || base === null} title={blockedReason ?? undefined}>
            {status === 'stopped' ? 'Resume sweep' : 'Run sweep'}
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" className="sweep-status">
        {plan
          ? `${cells.length} of ${plan.cells.length} cells finished${current ? `; training ${current}` : ''}${status === 'stopped' ? ' (stopped: Run again resumes, finished cells are kept)' : ''}.`
          : 'No sweep yet: choose the values and run it.'}
        {plan && ` ${plan.sharedBaselines.length} IID run(s) shared among ${plan.cells.length} cells.`}
      </p>
      {message && (
        <p role="alert" className="notice notice-error">
          {message}
        </p>
      )}
      {plan && cells.length > 0 && (
        <div className="sweep-export">
          <button
            type="button"
            onClick={() =>
              downloadText(
                `grid-${kind}.json`,
                JSON.stringify(sweepResult(plan, cells, engine?.backend ?? 'unknown', status !== 'done'), null, 2) + '\n',
              )
            }
          >
            Export grid.json
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              downloadText(
                `grid-${kind}.csv`,
                gridCsv(sweepResult(plan, cells, engine?.backend ?? 'unknown', status !== 'done')),
                'text/csv',
              )
            }
          >
            Export grid.csv
          </button>
        </div>
      )}
      {kind === 'sensitivity' && rows && cols && base && (
        <div className="sweep-heatmaps">
          {(['learnerSaving', 'computeSaving'] as const).map((measure) => (
            <SweepHeatmap
              key={measure}
              title={measure === 'learnerSaving' ? 'learner saving' : 'compute saving'}
              measure={measure}
              rows={rows}
              cols={cols}
              cells={cells}
              current={current}
              defaultValues={{ rho: base.filterRatio, tau: base.temperature }}
            />
          ))}
          <p className="sweep-legend">
            ◆ current settings · ★ the paper’s setting (ρ = 2, τ = 1 on raw scores) · “not reached”: the policy never reached IID’s final
            accuracy a*
          </p>
        </div>
      )}
      {kind === 'budget' && plan && <BudgetChart cells={cells} />}
    </section>
  );
}
