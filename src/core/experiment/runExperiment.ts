import type { InputShape } from '../models/inputShape';
import type { ExperimentConfig, PolicyName } from '../config/experimentConfig';
import { pixelsPerImage, type Dataset } from '../data/dataset';
import { POLICIES } from '../selection/policies';
import { usesReference, usesScorerModel } from '../selection/selectionPolicy';
import { taskForDataset } from '../tasks/taskForDataset';
import { DeviceSplit } from '../train/deviceData';
import {
  CHECKPOINT_VERSION,
  checkpointInterval,
  referenceCheckpoint,
  restoreReference,
  resumeMismatch,
  type ExperimentCheckpoint,
  type ReferenceCheckpoint,
  type RunCheckpoint,
} from './checkpoint';
import type { EventSink } from './events';
import { buildExperimentResult } from './experimentResult';
import type { ExperimentResult, RunResult } from './resultTypes';
import { pretrainReference, type PretrainedReference } from './pretrainReference';
import type { RunContext } from './runContext';
import { runPolicy } from './runPolicy';
import { decidePipeline } from '../pipeline/pipelinePlan';
import { sequentialReport } from '../pipeline/pipelineTimes';
import { runPipelinedRecovering, type StartScorer } from '../pipeline/recoverScorer';
import { PipelineStalledError, ScorerLostError } from '../pipeline/scorerMessages';
import { TrainingDivergedError } from './trainingDiverged';
import { warmUp } from './warmUp';

export interface ExperimentOptions {
  backend: string;
  emit?: EventSink;
  shouldStop?: () => boolean;
  /** Scorer variants to sweep (the scorer ladder); default: just config.scorer. */
  scorers?: readonly string[];
  /** Continue from a checkpoint of this same experiment (finished runs are kept, not rerun). */
  resume?: ExperimentCheckpoint;
  /** Receives a checkpoint every checkpointInterval(steps) steps and between runs. */
  onCheckpoint?: (checkpoint: ExperimentCheckpoint) => void | Promise<void>;
  /** Warm the backend before the first timed run (default true; see warmUp.ts). Results are identical either way. */
  warmUp?: boolean;
  /**
   * What this host offers the pipeline (docs/architecture.md, "Pipeline"): its cores, and how to start a
   * scorer worker. Default: 1 core, no workers (config `pipeline: auto` then runs sequentially).
   */
  pipelineHost?: { cores: number; startScorer?: StartScorer; otherBusyThreads?: number };
}

/** The IID baseline always runs, first: every comparison is against it. */
export function policiesToRun(policies: readonly PolicyName[]): PolicyName[] {
  return ['uniform', ...policies.filter((p) => p !== 'uniform')];
}

interface PlannedRun {
  policy: PolicyName;
  scorer: string;
}

/** uniform and hard once; scorer-based policies once per scorer variant. */
export function planRuns(policies: readonly PolicyName[], scorers: readonly string[]): PlannedRun[] {
  return policiesToRun(policies).flatMap((policy) => {
    return usesScorerModel(POLICIES[policy]) ? scorers.map((scorer) => ({ policy, scorer })) : [{ policy, scorer: scorers[0] as string }];
  });
}

/**
 * Runs the IID baseline and each requested policy (× scorer) with the same seed, data order and
 * learner update size, then compares each with IID. A held-out reference is pretrained once per
 * scorer variant and shared by the runs that use it.
 */
export async function runExperiment(config: ExperimentConfig, dataset: Dataset, options: ExperimentOptions): Promise<ExperimentResult> {
  const emit = options.emit ?? (() => {});
  const scorers = [...(options.scorers ?? [config.scorer])];
  const resume = options.resume;
  const mismatch = resume ? resumeMismatch(resume, config, scorers) : null;
  if (mismatch) throw new Error(mismatch);
  const input: InputShape = { imageSize: dataset.imageSize, channels: dataset.channels, numClasses: dataset.numClasses };
  const pixels = pixelsPerImage(dataset);
  const task = taskForDataset(dataset, config);
  const train = new DeviceSplit(dataset.train, pixels);
  const test = new DeviceSplit(dataset.test, pixels);
  const classes = task.kind === 'classification' ? { names: [...dataset.classNames], hard: [...(dataset.hardClasses ?? [])] } : undefined;
  const references = new Map<string, PretrainedReference>();
  const savedReferences: ReferenceCheckpoint[] = [...(resume?.references ?? [])];
  const runs: RunResult[] = [...(resume?.finishedRuns ?? [])];
  const checkpoint = async (current: RunCheckpoint | null) =>
    options.onCheckpoint?.({
      version: CHECKPOINT_VERSION,
      config,
      scorers,
      backend: options.backend,
      finishedRuns: [...runs],
      current,
      references: [...savedReferences],
    });
  let failure: ExperimentResult['failure'];
  try {
    for (const saved of savedReferences)
      references.set(saved.scorer, restoreReference(task, saved, { ...config, scorer: saved.scorer }, input));
    const runIdOf = (planned: PlannedRun) => `${planned.policy}${usesScorerModel(POLICIES[planned.policy]) ? `@${planned.scorer}` : ''}`;
    const toRun = planRuns(config.policies, scorers).filter((planned) => !runs.some((r) => r.id === runIdOf(planned)));
    if (options.warmUp !== false && toRun.length > 0 && !options.shouldStop?.()) {
      // Every run's timed shapes once before the first timed step, so IID does not pay the warm-up alone.
      emit({
        type: 'phase',
        runId: runIdOf(toRun[0] as PlannedRun),
        message: 'warming up the backend (kernels, buffers, JIT) so every run is timed alike',
      });
      await warmUp({ config, task, input, train, test, emit, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) }, toRun);
    }
    for (const planned of toRun) {
      const runId = runIdOf(planned);
      if (options.shouldStop?.()) break;
      const runConfig = { ...config, scorer: planned.scorer };
      let pretrainedReference = references.get(planned.scorer);
      if (!pretrainedReference && usesReference(POLICIES[planned.policy]) && config.referenceMode === 'held-out') {
        const heldOut = new DeviceSplit(dataset.heldOut, pixels);
        try {
          emit({
            type: 'phase',
            runId,
            message: `pretraining the ${planned.scorer} reference on ${dataset.heldOut.count} held-out examples`,
          });
          pretrainedReference = await pretrainReference(task, runConfig, input, heldOut, test);
          references.set(planned.scorer, pretrainedReference);
          if (options.onCheckpoint) savedReferences.push(await referenceCheckpoint(planned.scorer, pretrainedReference));
          emit({
            type: 'phase',
            runId,
            message: `reference ${planned.scorer}: ${(100 * pretrainedReference.testAccuracy).toFixed(1)}% clean test accuracy`,
          });
        } catch (error) {
          // A diverged reference ends the experiment but keeps every finished run.
          failure = { runId, message: error instanceof Error ? error.message : String(error) };
          emit({ type: 'phase', runId, message: failure.message });
          break;
        } finally {
          heldOut.dispose();
        }
      }
      const ctx: RunContext = { config: runConfig, task, input, train, test, emit, ...(classes ? { classes } : {}) };
      if (pretrainedReference) ctx.pretrainedReference = pretrainedReference;
      if (options.shouldStop) ctx.shouldStop = options.shouldStop;
      if (resume?.current?.runId === runId) ctx.resumeFrom = resume.current;
      if (options.onCheckpoint) {
        ctx.onCheckpoint = checkpoint;
        ctx.checkpointEvery = checkpointInterval(config.steps);
      }
      const host = options.pipelineHost;
      const decision = decidePipeline(runConfig, POLICIES[planned.policy], {
        cores: host?.cores ?? 1,
        scorerWorkers: Boolean(host?.startScorer),
        otherBusyThreads: host?.otherBusyThreads ?? 0,
      });
      const scheduled = (run: RunResult): RunResult =>
        decision.pipelined || config.pipeline === 'off' ? run : { ...run, pipeline: sequentialReport(decision.reason) };
      try {
        const run = scheduled(
          decision.pipelined
            ? await runPipelinedRecovering(ctx, planned.policy, runId, host?.startScorer ?? null)
            : await runPolicy(ctx, planned.policy, runId),
        );
        runs.push(run);
        if (!run.stoppedEarly) await checkpoint(null);
      } catch (error) {
        if (error instanceof PipelineStalledError || error instanceof ScorerLostError) {
          // The scorer side is gone for good: keep the finished runs and say why this one stopped.
          failure = { runId, message: error.message };
          emit({ type: 'phase', runId, message: error.message });
          break;
        }
        if (!(error instanceof TrainingDivergedError)) throw error;
        // Keep what was learnt: the finished runs and this one's curve up to the divergence.
        runs.push(scheduled(error.partial));
        failure = { runId, message: error.message };
        emit({ type: 'phase', runId, message: error.message });
        break;
      }
    }
  } finally {
    train.dispose();
    test.dispose();
    for (const r of references.values()) r.model.dispose();
    task.dispose();
  }
  return buildExperimentResult(config, runs, {
    backend: options.backend,
    ...(failure ? { failure } : {}),
    ...(dataset.upload ? { uploadedDataset: dataset.upload } : {}),
    ...(classes ? { classNames: classes.names, hardClasses: classes.hard } : {}),
  });
}
