import type { ExperimentConfig } from '../core/config/experimentConfig';
import { loadDataset, type DatasetFileReader } from '../core/data/datasetRegistry';
import type { Dataset } from '../core/data/dataset';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import { withUploadedDataset } from '../core/data/upload/customDatasetEntry';
import type { EventSink, ExperimentEvent } from '../core/experiment/events';
import type { ExperimentResult } from '../core/experiment/resultTypes';
import { runExperiment } from '../core/experiment/runExperiment';
import type { StartScorer } from '../core/pipeline/recoverScorer';
import type { StartOptions } from './engine';
import { withThumbnails } from './thumbnails';

/** What the session needs besides the request: the upload's bytes, where checkpoints go. */
export interface SessionExtras {
  upload?: Uint8Array;
  onCheckpoint?: (checkpoint: ExperimentCheckpoint) => void;
}

/**
 * Runs one experiment at a time on the current backend, forwarding events (selection samples get
 * thumbnails attached, since only this side holds the pixels). Used by the worker.
 */
export class ExperimentSession {
  private stopRequested = false;
  private running = false;

  /**
   * `scorerWorkers`: starts a pipelined run's scorer side in a worker of its own (the lab: a Web Worker);
   * absent, `pipeline: auto` runs sequentially (docs/architecture.md, "Pipeline").
   */
  constructor(
    private readonly readFile: DatasetFileReader,
    private readonly backend: () => string,
    private readonly scorerWorkers?: {
      cores: number;
      /** Threads kept busy besides the learner and the scorer (the page: 1). */
      otherBusyThreads: number;
      startFor: (dataset: Dataset, backend: string) => StartScorer;
    },
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  stop(): void {
    this.stopRequested = true;
  }

  /** `upload`: the encoded uploaded dataset, read when config.dataset is custom. */
  async run(
    config: ExperimentConfig,
    { scorers, resume }: StartOptions,
    emit: EventSink,
    { upload, onCheckpoint }: SessionExtras = {},
  ): Promise<ExperimentResult> {
    if (this.running) throw new Error('an experiment is already running; stop it first');
    this.running = true;
    this.stopRequested = false;
    try {
      emit({
        type: 'phase',
        runId: 'data',
        message: resume
          ? `loading ${config.dataset} to resume from step ${resume.current?.step ?? 0} of ${resume.current?.runId ?? 'the next run'}`
          : `loading ${config.dataset}`,
      });
      const dataset: Dataset = await loadDataset(config, withUploadedDataset(this.readFile, upload));
      const forward = (event: ExperimentEvent) =>
        emit(event.type === 'selection' ? { ...event, sample: withThumbnails(event.sample, dataset) } : event);
      return await runExperiment(config, dataset, {
        backend: this.backend(),
        emit: forward,
        shouldStop: () => this.stopRequested,
        ...(scorers && scorers.length > 0 ? { scorers } : {}),
        ...(resume ? { resume } : {}),
        ...(onCheckpoint ? { onCheckpoint } : {}),
        ...(this.scorerWorkers
          ? {
              pipelineHost: {
                cores: this.scorerWorkers.cores,
                otherBusyThreads: this.scorerWorkers.otherBusyThreads,
                startScorer: this.scorerWorkers.startFor(dataset, this.backend()),
              },
            }
          : {}),
      });
    } finally {
      this.running = false;
    }
  }
}
