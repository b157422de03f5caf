import type { PhaseRecord } from '../accounting/phases';
import { EXECUTION_KEYS } from '../config/configSchema';
import type { PhaseFlops } from '../accounting/stepLedger';
import type { Flops } from '../accounting/units';
import type { InputShape } from '../models/inputShape';
import type { ExperimentConfig, PolicyName } from '../config/experimentConfig';
import type { EpochSamplerState } from '../data/epochSampler';
import { readParameters, writeParameters, type ParameterValues } from '../models/parameters';
import { deriveSeed, type RngState } from '../random/rng';
import type { AdamWState } from '../train/adamw';
import type { PipelineTimes } from '../pipeline/pipelineTimes';
import type { CurveRecorderState } from './curveRecorder';
import type { SelectionSample } from './events';
import type { RunResult } from './resultTypes';
import type { Task } from '../tasks/task';
import type { PretrainedReference } from './pretrainReference';
import type { Trainee } from './trainees';

/**
 * Checkpoints (issue 8): everything a run needs to continue as if it had never stopped — weights,
 * optimiser moments, generator states, the data cursor, the curve so far. Plain data (typed arrays
 * inside), so it survives postMessage and IndexedDB unchanged.
 */
export const CHECKPOINT_VERSION = 1;

/** A checkpoint every 10% of the run, and at least every 50 steps. */
export function checkpointInterval(steps: number): number {
  return Math.max(1, Math.min(50, Math.ceil(steps / 10)));
}

export interface TraineeState {
  params: ParameterValues;
  optimizer: AdamWState;
}

export interface RunCheckpoint {
  runId: string;
  policy: PolicyName;
  /** Steps completed. */
  step: number;
  learner: TraineeState;
  online: TraineeState | null;
  onlineReference: TraineeState | null;
  sampler: EpochSamplerState;
  /** The online reference's own data order (null without an online reference). */
  referenceSampler: EpochSamplerState | null;
  selectionRng: RngState;
  recorder: CurveRecorderState;
  phaseFlops: PhaseFlops;
  phaseWallMs: PhaseRecord<number>;
  lastSample: SelectionSample | null;
  /** A pipelined run's queue waits and scorer busy time so far (absent: sequential). */
  pipelineTimes?: PipelineTimes;
}

/** A frozen held-out reference, kept so a resumed experiment does not pretrain it again. */
export interface ReferenceCheckpoint {
  scorer: string;
  params: ParameterValues;
  flops: Flops;
  examplesSeen: number;
  wallMs: number;
  testAccuracy: number;
}

export interface ExperimentCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  config: ExperimentConfig;
  scorers: string[];
  /** The backend it was taken on: resuming elsewhere continues, but not bit for bit. */
  backend: string;
  finishedRuns: RunResult[];
  /** The run in progress, or null between runs. */
  current: RunCheckpoint | null;
  references: ReferenceCheckpoint[];
}

export async function snapshotTrainee(trainee: Trainee): Promise<TraineeState> {
  const [params, optimizer] = await Promise.all([readParameters(trainee.model.params), trainee.optimizer.snapshot()]);
  return { params, optimizer };
}

export function restoreTrainee(trainee: Trainee, state: TraineeState): void {
  writeParameters(trainee.model.params, state.params);
  trainee.optimizer.restore(state.optimizer);
}

export async function referenceCheckpoint(scorer: string, reference: PretrainedReference): Promise<ReferenceCheckpoint> {
  const { flops, examplesSeen, wallMs, testAccuracy } = reference;
  return { scorer, params: await readParameters(reference.model.params), flops, examplesSeen, wallMs, testAccuracy };
}

export function restoreReference(task: Task, saved: ReferenceCheckpoint, config: ExperimentConfig, input: InputShape): PretrainedReference {
  const model = task.createModel(saved.scorer, input, deriveSeed(config.seed, 'reference'));
  try {
    writeParameters(model.params, saved.params);
  } catch (error) {
    model.dispose();
    throw error;
  }
  const { flops, examplesSeen, wallMs, testAccuracy } = saved;
  return { model, flops, examplesSeen, wallMs, testAccuracy };
}

/**
 * Why a checkpoint cannot continue this experiment (a message naming the field), or null when it
 * can. Settings must match exactly: a different seed or size would silently mix two experiments.
 */
export function resumeMismatch(checkpoint: ExperimentCheckpoint, config: ExperimentConfig, scorers: readonly string[]): string | null {
  if (checkpoint.version !== CHECKPOINT_VERSION)
    return `checkpoint version ${String(checkpoint.version)} cannot be resumed by this version (${CHECKPOINT_VERSION}); start the experiment again`;
  const keys = new Set([...Object.keys(checkpoint.config), ...Object.keys(config)]);
  for (const key of keys) {
    if ((EXECUTION_KEYS as readonly string[]).includes(key)) continue;
    const saved = JSON.stringify((checkpoint.config as unknown as Record<string, unknown>)[key]);
    const now = JSON.stringify((config as unknown as Record<string, unknown>)[key]);
    if (saved !== now)
      return `cannot resume: ${key} is ${now ?? 'missing'} but the checkpoint was taken with ${saved ?? 'none'}; restore that setting or start again`;
  }
  if (checkpoint.scorers.join(',') !== scorers.join(','))
    return `cannot resume: scorers ${scorers.join(', ')} differ from the checkpoint's ${checkpoint.scorers.join(', ')}`;
  return null;
}
