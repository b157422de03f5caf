import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../src/core/config/experimentConfig';
import { PRESETS } from '../src/core/config/presets';
import { pixelsPerImage } from '../src/core/data/dataset';
import { buildSyntheticDataset } from '../src/core/data/syntheticDataset';
import type { RunContext } from '../src/core/experiment/runContext';
import { runPolicy } from '../src/core/experiment/runPolicy';
import { warmUp } from '../src/core/experiment/warmUp';
import { taskForDataset } from '../src/core/tasks/taskForDataset';
import { DeviceSplit } from '../src/core/train/deviceData';
import { flagValue } from './flagValue';

/**
 * The warm-up's timing check, in a fresh process (a warm JIT cannot be made cold again): the micro
 * preset's IID run twice on one context, after runExperiment's warm-up unless --no-warm-up. Prints
 * {"firstMs", "secondMs", "accuraciesEqual"}. The runs' clock is this process's CPU time, so other
 * processes on a shared machine do not count; what a warm-up removes (JIT, allocation, kernel set-up)
 * is CPU work of this process and shows on this clock as on the wall.
 */
async function main(argv: string[]): Promise<void> {
  performance.now = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  if (!(await tf.setBackend('wasm')) || tf.getBackend() !== 'wasm') throw new Error('could not switch tfjs to wasm');
  const steps = Number(flagValue(argv, 'steps', '100'));
  const config: ExperimentConfig = { ...DEFAULT_CONFIG, ...PRESETS.micro.config, steps, evalEvery: 25 } as ExperimentConfig;
  const dataset = buildSyntheticDataset(config);
  const task = taskForDataset(dataset, config);
  const input = { imageSize: dataset.imageSize, channels: dataset.channels, numClasses: dataset.numClasses };
  const ctx: RunContext = {
    config,
    task,
    input,
    train: new DeviceSplit(dataset.train, pixelsPerImage(dataset)),
    test: new DeviceSplit(dataset.test, pixelsPerImage(dataset)),
    emit: () => {},
  };
  if (!argv.includes('--no-warm-up')) await warmUp(ctx, [{ policy: 'uniform', scorer: config.scorer }]);
  const first = await runPolicy(ctx, 'uniform', 'uniform');
  const second = await runPolicy(ctx, 'uniform', 'uniform');
  const accuracies = (r: typeof first) => JSON.stringify(r.curve.map((p) => p.testAccuracy));
  console.log(
    JSON.stringify({
      firstMs: first.final.wallMs,
      secondMs: second.final.wallMs,
      accuraciesEqual: accuracies(first) === accuracies(second),
    }),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
