import { phaseRecord } from '../../core/accounting/phases';
import { ZERO_PHASE_FLOPS } from '../../core/accounting/stepLedger';
import { flops } from '../../core/accounting/units';
import type { ExperimentConfig, PolicyName } from '../../core/config/experimentConfig';
import type { ExperimentCheckpoint } from '../../core/experiment/checkpoint';
import { unfinishedAt } from '../../core/experiment/earlyStop';
import { buildExperimentResult } from '../../core/experiment/experimentResult';
import type { ExperimentEvent, LivePipeline } from '../../core/experiment/events';
import type { CurvePoint, ExperimentResult, RunResult } from '../../core/experiment/resultTypes';
import type { SelectionSampleWithPixels } from '../../worker/thumbnails';

/** One run as the UI sees it while it trains and after. */
export interface LiveRun {
  id: string;
  policy: PolicyName;
  scorer: string | null;
  totalSteps: number;
  step: number;
  /** Training wall time so far (ms) and estimated time left (ms; null until known). */
  wallMs: number;
  etaMs: number | null;
  points: CurvePoint[];
  /** Corrupted share of the latest selected sub-batches, per evaluation. */
  noisyHistory: { step: number; fraction: number }[];
  finished: RunResult | null;
  /** A pipelined run's overlap so far, from its latest step (absent: sequential, or not started). */
  pipeline?: LivePipeline;
}

export type ExperimentStatus = 'idle' | 'running' | 'finished' | 'stopped' | 'failed';

export interface ExperimentState {
  status: ExperimentStatus;
  config: ExperimentConfig | null;
  /** The backend the experiment trains on (null: not known yet); results built here carry it. */
  backend: string | null;
  runs: LiveRun[];
  /** Latest phase message ("pretraining the reference…"). */
  phase: string | null;
  /** Latest selection sample (the inspector draws it). */
  selection: (SelectionSampleWithPixels & { runId: string }) | null;
  result: ExperimentResult | null;
  error: string | null;
  /** Classification data: class names and hard classes, as the runs announced them (or the result holds them). */
  classes?: { names: string[]; hard: number[] } | null;
  /** The user pressed Stop while it ran: however the result comes back, the experiment was stopped, not finished. */
  stopRequested?: boolean;
}

export const INITIAL_EXPERIMENT_STATE: ExperimentState = {
  status: 'idle',
  config: null,
  backend: null,
  runs: [],
  phase: null,
  selection: null,
  result: null,
  error: null,
};

/** A result's class names and hard classes for the per-class panel (null: it names none). */
export function classesOf(result: Pick<ExperimentResult, 'classNames' | 'hardClasses'>): ExperimentState['classes'] {
  return result.classNames ? { names: result.classNames, hard: result.hardClasses ?? [] } : null;
}

export type ExperimentAction =
  | { type: 'started'; config: ExperimentConfig; backend?: string | null }
  /** Continuing from a checkpoint: its finished runs and the curve so far of the one in progress. */
  | { type: 'resumed'; checkpoint: ExperimentCheckpoint; backend?: string | null }
  | { type: 'event'; event: ExperimentEvent }
  | { type: 'stop-requested' }
  | { type: 'finished'; result: ExperimentResult }
  | { type: 'failed'; error: string }
  | { type: 'loaded'; result: ExperimentResult };

function updateRun(runs: LiveRun[], id: string, update: (run: LiveRun) => LiveRun): LiveRun[] {
  return runs.map((r) => (r.id === id ? update(r) : r));
}

export function liveRunFromResult(run: RunResult): LiveRun {
  return {
    id: run.id,
    policy: run.policy,
    scorer: run.scorer,
    totalSteps: run.final.steps,
    step: run.final.steps,
    wallMs: run.final.wallMs,
    etaMs: 0,
    points: run.curve,
    noisyHistory: noisyHistoryOf(run.curve),
    finished: run,
  };
}

function noisyHistoryOf(curve: readonly CurvePoint[]): LiveRun['noisyHistory'] {
  return curve.flatMap((p) => (p.noisySelectedFraction === null ? [] : [{ step: p.step, fraction: p.noisySelectedFraction }]));
}

/** A run still training, as a RunResult with its curve so far (for incremental saving). */
export function unfinishedRun(live: LiveRun): RunResult {
  const last = live.points[live.points.length - 1];
  return {
    id: live.id,
    policy: live.policy,
    scorer: live.scorer,
    final: { testAccuracy: last?.testAccuracy ?? 0, steps: last?.step ?? 0, flops: last?.flops ?? flops(0), wallMs: last?.wallMs ?? 0 },
    curve: live.points,
    phaseFlops: ZERO_PHASE_FLOPS,
    referencePretrainFlops: flops(0),
    modelFlops: { learner: flops(0), scorer: null },
    phaseWallMs: phaseRecord(() => 0),
    referenceTestAccuracy: null,
    onlineTestAccuracy: null,
    stoppedEarly: unfinishedAt(last?.step ?? 0, live.totalSteps),
  };
}

/** Everything an experiment has so far: finished runs, plus the one training (curve so far). */
export function resultSoFar(state: ExperimentState): ExperimentResult | null {
  if (!state.config) return null;
  const runs = state.runs.filter((r) => r.points.length > 0).map((r) => r.finished ?? unfinishedRun(r));
  const classes = state.classes ? { classNames: state.classes.names, hardClasses: state.classes.hard } : {};
  return runs.length === 0 ? null : buildExperimentResult(state.config, runs, { backend: backendOf(state), ...classes });
}

/** The experiment's backend as results name it ("unknown" before the engine has reported one). */
export function backendOf(state: ExperimentState): string {
  return state.backend ?? 'unknown';
}

/** The live run itself when it already shows this finished run (no chart re-render), else a new one. */
function reuseIfCurrent(runs: LiveRun[], run: RunResult): LiveRun {
  const live = runs.find((r) => r.id === run.id);
  return live && live.finished && live.points.length === run.curve.length ? live : liveRunFromResult(run);
}

/** Pure reducer: engine events → UI state. */
export function experimentReducer(state: ExperimentState, action: ExperimentAction): ExperimentState {
  switch (action.type) {
    case 'started':
      return { ...INITIAL_EXPERIMENT_STATE, status: 'running', config: action.config, backend: action.backend ?? null };
    case 'resumed': {
      const { config, finishedRuns, current } = action.checkpoint;
      return {
        ...INITIAL_EXPERIMENT_STATE,
        status: 'running',
        config,
        backend: action.backend ?? null,
        runs: finishedRuns.map(liveRunFromResult),
        phase: current ? `resuming ${current.runId} from step ${current.step}` : 'resuming',
      };
    }
    case 'stop-requested':
      return state.status === 'running' ? { ...state, stopRequested: true } : state;
    case 'finished':
      // The result is authoritative: events still queued for rendering are ignored from here on. A
      // stop during the warm-up or between runs leaves no run stopped early, yet the experiment stopped.
      return {
        ...state,
        status: action.result.failure
          ? 'failed'
          : state.stopRequested || action.result.runs.some((r) => r.stoppedEarly)
            ? 'stopped'
            : 'finished',
        error: action.result.failure ? `${action.result.failure.message}. The runs so far are kept and saved.` : null,
        runs: action.result.runs.map((run) => reuseIfCurrent(state.runs, run)),
        backend: action.result.backend,
        result: action.result,
        classes: classesOf(action.result) ?? state.classes ?? null,
        phase: null,
      };
    case 'failed':
      return { ...state, status: 'failed', error: action.error, phase: null };
    case 'loaded':
      return {
        ...INITIAL_EXPERIMENT_STATE,
        status: 'finished',
        config: action.result.config,
        backend: action.result.backend,
        runs: action.result.runs.map(liveRunFromResult),
        result: action.result,
        classes: classesOf(action.result),
      };
    case 'event':
      // After the end state only a late selection sample still counts (the inspector shows the last one).
      return state.status === 'running' || (action.event.type === 'selection' && state.result !== null)
        ? applyEvent(state, action.event)
        : state;
  }
}

function applyEvent(state: ExperimentState, e: ExperimentEvent): ExperimentState {
  switch (e.type) {
    case 'phase':
      return { ...state, phase: e.message };
    case 'run-started': {
      const points = e.curve ?? [];
      const run: LiveRun = {
        id: e.runId,
        policy: e.policy,
        scorer: e.scorer,
        totalSteps: e.totalSteps,
        step: e.resumedAt ?? 0,
        wallMs: points.at(-1)?.wallMs ?? 0,
        etaMs: null,
        points,
        noisyHistory: noisyHistoryOf(points),
        finished: null,
      };
      const classes = e.classNames ? { names: e.classNames, hard: e.hardClasses ?? [] } : (state.classes ?? null);
      return { ...state, phase: null, runs: [...state.runs.filter((r) => r.id !== e.runId), run], classes };
    }
    case 'step':
      return {
        ...state,
        runs: updateRun(state.runs, e.runId, (r) => ({
          ...r,
          step: e.step,
          wallMs: e.wallMs,
          etaMs: e.step > 0 ? ((e.totalSteps - e.step) * e.wallMs) / e.step : null,
          ...(e.pipeline ? { pipeline: e.pipeline } : {}),
        })),
      };
    case 'evaluation':
      return {
        ...state,
        runs: updateRun(state.runs, e.runId, (r) => ({
          ...r,
          points: [...r.points, e.point],
          noisyHistory:
            e.point.noisySelectedFraction === null
              ? r.noisyHistory
              : [...r.noisyHistory, { step: e.point.step, fraction: e.point.noisySelectedFraction }],
        })),
      };
    case 'selection':
      return { ...state, selection: { ...(e.sample as SelectionSampleWithPixels), runId: e.runId } };
    case 'run-finished':
      return { ...state, runs: updateRun(state.runs, e.runId, (r) => ({ ...r, finished: e.run, etaMs: 0 })) };
  }
}
