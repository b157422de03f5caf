import type { InputShape } from '../accounting/vitFlops';
import type { ExperimentConfig, PolicyName } from '../config/experimentConfig';
import { pixelsPerImage, type Dataset } from '../data/dataset';
import { DeviceSplit } from '../train/deviceData';
import type { EventSink } from './events';
import type { ExperimentResult, RunResult } from './resultTypes';
import { runPolicy } from './runPolicy';

export interface ExperimentOptions {
  backend: string;
  emit?: EventSink;
  shouldStop?: () => boolean;
}

/** The IID baseline always runs, first: every comparison is against it. */
export function policiesToRun(policies: readonly PolicyName[]): PolicyName[] {
  return ['uniform', ...policies.filter((p) => p !== 'uniform')];
}

/** Runs the IID baseline and each requested policy with the same seed, data order and update size. */
export async function runExperiment(config: ExperimentConfig, dataset: Dataset, options: ExperimentOptions): Promise<ExperimentResult> {
  const emit = options.emit ?? (() => {});
  const input: InputShape = { imageSize: dataset.imageSize, channels: dataset.channels, numClasses: dataset.numClasses };
  const pixels = pixelsPerImage(dataset);
  const train = new DeviceSplit(dataset.train, pixels);
  const test = new DeviceSplit(dataset.test, pixels);
  const runs: RunResult[] = [];
  try {
    for (const policy of policiesToRun(config.policies)) {
      if (options.shouldStop?.()) break;
      const ctx = { config, input, train, test, emit, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) };
      runs.push(await runPolicy(ctx, policy, `${policy}-${runs.length}`));
    }
  } finally {
    train.dispose();
    test.dispose();
  }
  const result: ExperimentResult = { config, backend: options.backend, runs, comparisons: [] };
  emit({ type: 'experiment-finished', result });
  return result;
}
