import type { Dataset } from '../data/dataset';
import { CHECKPOINT_VERSION, type ExperimentCheckpoint, type ReferenceCheckpoint } from '../experiment/checkpoint';
import type { EventSink } from '../experiment/events';
import type { ExperimentResult, RunResult } from '../experiment/resultTypes';
import { runExperiment } from '../experiment/runExperiment';
import { sharingNote, type SharedBaseline, type SweepCell, type SweepPlan } from './sweepGrid';
import type { SweepAxis, SweepKey, SweepValue } from './sweepSpec';

/** What one finished cell measured: the active policy against its (possibly shared) IID run at a*. */
export interface SweepCellResult {
  id: string;
  values: Partial<Record<SweepKey, SweepValue>>;
  baselineId: string;
  policy: string;
  scorer: string;
  /** The IID budget: learner updates of both runs. */
  steps: number;
  /** a*: the IID run's smoothed final accuracy, the target both runs are timed to. */
  targetAccuracy: number | null;
  learnerSaving: number | null;
  computeSaving: number | null;
  computeSavingWithPretraining: number | null;
  stepsToTarget: number | null;
  iidStepsToTarget: number | null;
  finalAccuracy: number | null;
  iidFinalAccuracy: number | null;
  /** Set when a run of this cell diverged (its savings are then null). */
  failure?: string;
}

export interface SweepResult {
  version: 1;
  base: SweepPlan['base'];
  axes: SweepAxis[];
  policy: string;
  backend: string;
  cells: SweepCellResult[];
  sharedBaselines: SharedBaseline[];
  /** What the cells share, in words. */
  sharing: string;
  /** True when the sweep was stopped before every cell finished. */
  stopped: boolean;
}

/** Finished work a sweep can continue from: cells (skipped) and IID runs (reused). */
export interface SweepProgress {
  cells: SweepCellResult[];
  baselines: Record<string, RunResult>;
}

export interface SweepOptions {
  backend: string;
  emit?: EventSink;
  shouldStop?: () => boolean;
  /** Called as each cell finishes, with the IID run it used (store both to resume). */
  onCell?: (cell: SweepCellResult, baseline: RunResult, index: number) => void | Promise<void>;
  /** Called before each cell starts. */
  onCellStart?: (cell: SweepCell, index: number) => void;
  resume?: SweepProgress;
}

/** The result of a cell's experiment as a grid cell. */
export function cellResult(cell: SweepCell, result: ExperimentResult, policy: string): SweepCellResult {
  const iid = result.runs.find((r) => r.policy === 'uniform');
  const active = result.runs.find((r) => r.policy === policy);
  const c = result.comparisons.find((x) => x.policy === policy);
  return {
    id: cell.id,
    values: cell.values,
    baselineId: cell.baselineId,
    policy,
    scorer: cell.config.scorer,
    steps: cell.config.steps,
    targetAccuracy: c?.targetAccuracy ?? null,
    learnerSaving: c?.learnerSaving ?? null,
    computeSaving: c?.computeSaving ?? null,
    computeSavingWithPretraining: c?.computeSavingWithPretraining ?? null,
    stepsToTarget: c?.stepsToTarget ?? null,
    iidStepsToTarget: c?.iidStepsToTarget ?? null,
    finalAccuracy: active?.final.testAccuracy ?? null,
    iidFinalAccuracy: iid?.final.testAccuracy ?? null,
    ...(result.failure ? { failure: result.failure.message } : {}),
  };
}

/**
 * The checkpoint that starts a cell with what it shares: its IID run already finished (when another
 * cell of the same baseline ran it) and the held-out reference already pretrained (when known).
 */
export function sharedRunsCheckpoint(
  cell: SweepCell,
  backend: string,
  iid?: RunResult,
  reference?: ReferenceCheckpoint,
): ExperimentCheckpoint {
  return {
    version: CHECKPOINT_VERSION,
    config: cell.config,
    scorers: [cell.config.scorer],
    backend,
    finishedRuns: iid ? [iid] : [],
    current: null,
    references: reference ? [reference] : [],
  };
}

/**
 * Runs every cell of the plan through runExperiment (docs/architecture.md, "Sweeps"). The first cell
 * of a baseline trains IID and the active policy; later cells of the same baseline get that IID run
 * as an already finished run (runExperiment's resume path), so only the active policy trains. The
 * held-out reference is pretrained once per scorer and restored for later cells the same way.
 */
export async function runSweep(plan: SweepPlan, dataset: Dataset, options: SweepOptions): Promise<SweepResult> {
  const baselines = new Map<string, RunResult>(Object.entries(options.resume?.baselines ?? {}));
  const references = new Map<string, ReferenceCheckpoint>();
  const cells: SweepCellResult[] = [];
  let stopped = false;
  for (const [index, cell] of plan.cells.entries()) {
    const done = options.resume?.cells.find((c) => c.id === cell.id);
    if (done) {
      cells.push(done);
      continue;
    }
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    options.onCellStart?.(cell, index);
    const iid = baselines.get(cell.baselineId);
    const reference = references.get(cell.config.scorer);
    const resume = sharedRunsCheckpoint(cell, options.backend, iid, reference);
    const captureReference = (checkpoint: ExperimentCheckpoint) => {
      for (const r of checkpoint.references) if (!references.has(r.scorer)) references.set(r.scorer, r);
    };
    const result = await runExperiment(cell.config, dataset, {
      backend: options.backend,
      resume,
      ...(options.emit ? { emit: options.emit } : {}),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
      ...(reference || cell.config.referenceMode !== 'held-out' ? {} : { onCheckpoint: captureReference }),
    });
    const baseline = result.runs.find((r) => r.policy === 'uniform');
    const active = result.runs.find((r) => r.policy === plan.policy);
    const unfinished = (run: RunResult | undefined) => !run || run.stoppedEarly?.reason === 'user';
    if (!result.failure && (unfinished(baseline) || unfinished(active))) {
      stopped = true; // stopped by the user mid-cell: the cell is not recorded, the sweep ends here
      break;
    }
    if (baseline && !baseline.stoppedEarly) baselines.set(cell.baselineId, baseline);
    const measured = cellResult(cell, result, plan.policy);
    cells.push(measured);
    if (baseline) await options.onCell?.(measured, baseline, index);
  }
  return sweepResult(plan, cells, options.backend, stopped);
}

/** grid.json: the plan, what is shared, and the cells finished so far (the CLI's and the lab's export alike). */
export function sweepResult(plan: SweepPlan, cells: SweepCellResult[], backend: string, stopped: boolean): SweepResult {
  return {
    version: 1,
    base: plan.base,
    axes: plan.axes,
    policy: plan.policy,
    backend,
    cells,
    sharedBaselines: plan.sharedBaselines,
    sharing: sharingNote(plan),
    stopped,
  };
}
