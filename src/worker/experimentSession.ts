import type { ExperimentConfig } from '../core/config/experimentConfig';
import { loadDataset, type DatasetFileReader } from '../core/data/datasetRegistry';
import type { Dataset } from '../core/data/dataset';
import { withUploadedDataset } from '../core/data/upload/customDatasetEntry';
import type { EventSink, ExperimentEvent } from '../core/experiment/events';
import type { ExperimentResult } from '../core/experiment/resultTypes';
import { runExperiment } from '../core/experiment/runExperiment';
import { withThumbnails } from './thumbnails';

/**
 * Runs one experiment at a time on the current backend, forwarding events (selection samples get
 * thumbnails attached, since only this side holds the pixels). Shared by the worker and LocalEngine.
 */
export class ExperimentSession {
  private stopRequested = false;
  private running = false;

  constructor(
    private readonly readFile: DatasetFileReader,
    private readonly backend: () => string,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  stop(): void {
    this.stopRequested = true;
  }

  /** `upload`: the encoded uploaded dataset, read when config.dataset is custom. */
  async run(config: ExperimentConfig, scorers: string[] | undefined, emit: EventSink, upload?: Uint8Array): Promise<ExperimentResult> {
    if (this.running) throw new Error('an experiment is already running; stop it first');
    this.running = true;
    this.stopRequested = false;
    try {
      emit({ type: 'phase', runId: 'data', message: `loading ${config.dataset}` });
      const dataset: Dataset = await loadDataset(config, withUploadedDataset(this.readFile, upload));
      const forward = (event: ExperimentEvent) => emit(event.type === 'selection' ? { ...event, sample: withThumbnails(event.sample, dataset) } : event);
      return await runExperiment(config, dataset, {
        backend: this.backend(),
        emit: forward,
        shouldStop: () => this.stopRequested,
        ...(scorers && scorers.length > 0 ? { scorers } : {}),
      });
    } finally {
      this.running = false;
    }
  }
}
