import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from './src/core/backend/selectBackend';
import { DEFAULT_CONFIG, type ExperimentConfig } from './src/core/config/experimentConfig';
import { PRESETS } from './src/core/config/presets';
import { buildSyntheticDataset } from './src/core/data/syntheticDataset';
import { runExperiment } from './src/core/experiment/runExperiment';
import { workerScorerStarter } from './cli/pipeline/workerScorer';

tf.env().set('PROD', true);
await selectBackend({ requested: 'wasm' });
const steps = Number(process.argv[2] ?? 60);
const config: ExperimentConfig = { ...DEFAULT_CONFIG, ...PRESETS['noisy-labels'].config, steps, evalEvery: steps, testSize: 200, trainSize: 4000, heldOutSize: 1000, referencePretrainSteps: 5, policies: ['uniform', 'learnability'] } as ExperimentConfig;
const dataset = buildSyntheticDataset(config);
for (const pipeline of ['off', 'on', 'off', 'on'] as const) {
  const r = await runExperiment({ ...config, pipeline }, dataset, { backend: 'wasm', pipelineHost: { cores: availableParallelism(), startScorer: workerScorerStarter(dataset, 'wasm') } });
  const [iid, act] = r.runs;
  const per = (x: typeof iid) => x!.final.wallMs / x!.final.steps;
  console.log(pipeline, 'ratio', (per(act) / per(iid)).toFixed(3), 'iid ms/step', per(iid).toFixed(1), 'act ms/step', per(act).toFixed(1), JSON.stringify(act!.phaseWallMs), JSON.stringify(act!.pipeline ?? null));
}
