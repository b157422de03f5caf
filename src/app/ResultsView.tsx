import { memo, useMemo, type ReactNode } from 'react';
import { accuracyName } from '../core/data/datasetRegistry';
import { buildExperimentResult } from '../core/experiment/experimentResult';
import type { ExperimentResult, RunResult } from '../core/experiment/resultTypes';
import { backendOf, type ExperimentState, type LiveRun } from '../features/experiment/liveState';
import { ThrottledSlot } from '../features/experiment/ThrottledSlot';
import { ErrorBoundary } from '../features/errors/ErrorBoundary';
import { PanelFallback, type OffendingRecord } from '../features/errors/PanelFallback';
import { FlopBreakdown } from '../features/flops/FlopBreakdown';
import { ClassBreakdown } from '../features/inspector/ClassBreakdown';
import { SelectionInspector } from '../features/inspector/SelectionInspector';
import { ParetoChart } from '../features/pareto/ParetoChart';
import { PipelineView } from '../features/pipeline/PipelineView';
import { RaceChart } from '../features/race/RaceChart';
import { RunProgress } from '../features/race/RunProgress';
import { SavingsPanel } from '../features/savings/SavingsPanel';

const Race = memo(RaceChart);
const Savings = memo(SavingsPanel);
const Flops = memo(FlopBreakdown);
const Pareto = memo(ParetoChart);
const Inspector = memo(SelectionInspector);
const PerClass = memo(ClassBreakdown);

interface Props {
  state: ExperimentState;
  /** Finished experiments (saved runs): each comparison is a point on the Pareto chart. */
  savedResults: ExperimentResult[];
  filterRatio: number;
  /** The saved or imported record on screen (Export / Delete are offered if a panel fails on it). */
  shownRecord?: OffendingRecord | null;
}

/** One panel that, if it throws, is replaced by a notice naming it and the record it was drawing. */
function Guarded({
  panel,
  resetKey,
  record,
  hint,
  children,
}: {
  panel: string;
  resetKey: unknown;
  record: OffendingRecord | null;
  hint?: string;
  children: ReactNode;
}) {
  const fallback = (error: Error, retry: () => void) => (
    <PanelFallback panel={panel} error={error} retry={retry} record={record} {...(hint ? { hint } : {})} />
  );
  return (
    <ErrorBoundary fallback={fallback} resetKey={resetKey}>
      {children}
    </ErrorBoundary>
  );
}

/** Identity that changes only when a curve gains a point or a run finishes (not on every step). */
function curveKey(runs: LiveRun[]): string {
  return runs.map((r) => `${r.id}:${r.points.length}:${r.finished ? 1 : 0}`).join('|');
}

/** Everything the current experiment shows: the race, savings, FLOPs, Pareto and the inspector. */
export function ResultsView({ state, savedResults, filterRatio, shownRecord = null }: Props) {
  const key = curveKey(state.runs);
  // Recomputed only when curves change (key), not on every progress update.
  const curveRuns = useMemo(() => state.runs, [key]);
  const finished = useMemo(() => curveRuns.flatMap((r) => (r.finished ? [r.finished] : [])), [curveRuns]);
  // While training, the finished runs so far as a result (the same builder as the experiment's own).
  const backend = backendOf(state);
  const live = useMemo(
    () => (state.config && !state.result ? buildExperimentResult(state.config, finished, { backend }) : null),
    [state.config, state.result, backend, finished],
  );
  const comparisons = state.result?.comparisons ?? live?.comparisons ?? [];
  const iid = finished.find((r: RunResult) => r.policy === 'uniform');
  const target = comparisons[0]?.targetAccuracy ?? null;
  const metric = state.config ? accuracyName(state.config.dataset) : 'test accuracy';
  const paretoResults = useMemo(
    () => (live && finished.length > 1 ? [...savedResults, live] : savedResults),
    [live, finished, savedResults],
  );

  // The race chart follows every evaluation; the other panels at most once a second, staggered (each in
  // a task of its own) and, while training, only when on screen, so no main-thread task grows long while
  // the worker trains (the lab's e2e checks it).
  const running = state.status === 'running';
  const savingsInput = useMemo(() => ({ comparisons, runs: curveRuns }), [comparisons, curveRuns]);
  const inspectorInput = useMemo(() => ({ selection: state.selection, runs: curveRuns }), [state.selection, curveRuns]);
  const classes = state.classes ?? null;
  const captioned = state.config?.dataset === 'captioned-shapes';

  const shown = state.result ?? state.config;
  return (
    <>
      <Guarded panel="IID vs active: the race" resetKey={shown} record={shownRecord}>
        <section className="panel" aria-labelledby="race-title" data-testid="race-panel" data-status={state.status}>
          <h2 id="race-title">IID vs active: the race</h2>
          <RunProgress runs={state.runs} phase={state.phase} />
          {state.error && (
            <div role="alert" className="notice notice-error" data-testid="run-error">
              {state.error}
            </div>
          )}
          <Race runs={curveRuns} targetAccuracy={iid ? target : null} metric={metric} />
        </section>
      </Guarded>
      <Guarded panel="Savings" resetKey={shown} record={shownRecord}>
        <ThrottledSlot value={savingsInput} intervalMs={1000} delayMs={16} holdOffScreen={running}>
          {(latest) => <Savings comparisons={latest.comparisons} runs={latest.runs} metric={metric} />}
        </ThrottledSlot>
      </Guarded>
      <Guarded
        panel="Scorer size vs savings"
        resetKey={paretoResults}
        record={shownRecord}
        hint="It draws every saved run: export or delete the one that fails from Saved runs below."
      >
        <ThrottledSlot value={paretoResults} intervalMs={1000} delayMs={200} holdOffScreen={running}>
          {(latest) => <Pareto results={latest} filterRatio={filterRatio} />}
        </ThrottledSlot>
      </Guarded>
      <Guarded panel="Where the FLOPs go" resetKey={shown} record={shownRecord}>
        <ThrottledSlot value={curveRuns} intervalMs={1000} delayMs={400} holdOffScreen={running}>
          {(latest) => <Flops runs={latest} />}
        </ThrottledSlot>
      </Guarded>
      <Guarded panel="Learner and scorer workers" resetKey={shown} record={shownRecord}>
        <PipelineView runs={state.runs} />
      </Guarded>
      <Guarded panel="Selection inspector" resetKey={shown} record={shownRecord}>
        <ThrottledSlot value={inspectorInput} intervalMs={1000} delayMs={600} holdOffScreen={running}>
          {(latest) => <Inspector selection={latest.selection} runs={latest.runs} />}
        </ThrottledSlot>
      </Guarded>
      <Guarded panel="Per-class view" resetKey={shown} record={shownRecord}>
        <ThrottledSlot value={curveRuns} intervalMs={1000} delayMs={800} holdOffScreen={running}>
          {(latest) => <PerClass runs={latest} classes={classes} captioned={captioned} />}
        </ThrottledSlot>
      </Guarded>
    </>
  );
}
