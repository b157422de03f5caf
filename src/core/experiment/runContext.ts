import type { InputShape } from '../models/inputShape';
import type { ExperimentConfig } from '../config/experimentConfig';
import type { Task } from '../tasks/task';
import type { DeviceSplit } from '../train/deviceData';
import type { RunCheckpoint } from './checkpoint';
import type { EventSink } from './events';
import type { PretrainedReference } from './pretrainReference';

/** What one run is given by its experiment: settings, data on the device, where events go, checkpoints. */
export interface RunContext {
  config: ExperimentConfig;
  /** What the learner learns (classification or contrastive image–text); chosen by the dataset. */
  task: Task;
  input: InputShape;
  train: DeviceSplit;
  test: DeviceSplit;
  emit: EventSink;
  /** Classification data: class names in label order, and the hard classes (announced with each run for the per-class panel). */
  classes?: { names: string[]; hard: number[] };
  /** The frozen held-out reference, when the config asks for one and the policy uses it. */
  pretrainedReference?: PretrainedReference;
  /** Checked between steps; returning true ends the run early (its curve so far is kept). */
  shouldStop?: () => boolean;
  /** Continue this run from a checkpoint instead of step 0 (same config, same backend → same result). */
  resumeFrom?: RunCheckpoint;
  /** Receives a checkpoint every `checkpointEvery` steps (not after the last step). */
  onCheckpoint?: (checkpoint: RunCheckpoint) => Promise<void>;
  checkpointEvery?: number;
}
