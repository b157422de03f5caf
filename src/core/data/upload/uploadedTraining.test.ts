import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, POLICY_NAMES, type ExperimentConfig } from '../../config/experimentConfig';
import { validateConfig } from '../../config/validateConfig';
import { runExperiment } from '../../experiment/runExperiment';
import { switchToTestBackend } from '../../testing/testBackend';
import { loadDataset } from '../datasetRegistry';
import { withUploadedDataset } from './customDatasetEntry';
import { parseCsvImageSet } from './csvImageSet';
import { encodeLabImageSet } from './labImageSetCodec';
import { bytesOf, makeCsv, syntheticCsv } from './testCsv';

// Tiny: the point is that an upload reaches every policy, not what it learns.
const micro: Partial<ExperimentConfig> = {
  learner: 'ViT-Mi/4',
  scorer: 'ViT-Mu/8',
  steps: 2,
  evalEvery: 2,
  batchSize: 8,
  referencePretrainSteps: 2,
  trainSize: 256,
  heldOutSize: 64,
  testSize: 100,
};
const noFiles = () => Promise.reject(new Error('no bundled files in this test'));

async function trainOn(csv: string, policies: ExperimentConfig['policies']) {
  const upload = encodeLabImageSet(parseCsvImageSet(bytesOf(csv), { fileName: 'round-trip.csv' }));
  const checked = validateConfig({ ...DEFAULT_CONFIG, ...micro, dataset: 'custom', policies });
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('\n'));
  const dataset = await loadDataset(checked.config, withUploadedDataset(noFiles, upload));
  return { dataset, result: await runExperiment(checked.config, dataset, { backend: 'wasm' }) };
}

describe('an uploaded CSV trains like any dataset', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it('the synthetic dataset written as a CSV trains with every policy', async () => {
    const csv = syntheticCsv({ ...DEFAULT_CONFIG, trainSize: 600, seed: 3 });
    const { dataset, result } = await trainOn(csv, [...POLICY_NAMES]);
    expect(dataset.numClasses).toBe(10);
    expect(result.failure).toBeUndefined();
    expect(result.uploadedDataset).toMatchObject({ fileName: 'round-trip.csv', examples: 600, source: 'csv' });
    expect(result.runs.map((r) => r.policy)).toEqual([...POLICY_NAMES]);
    for (const run of result.runs) {
      expect(run.final.steps).toBe(2);
      expect(run.curve.map((p) => p.step)).toEqual([0, 2]);
      expect(Number.isFinite(run.curve[1]?.trainLoss)).toBe(true);
    }
  });

  it('a 3-class upload sizes the model head to 3 classes', async () => {
    const { dataset, result } = await trainOn(makeCsv({ classes: 3, perClass: 150, side: 8 }), ['uniform', 'learnability']);
    expect(dataset.numClasses).toBe(3);
    expect(result.runs.map((r) => r.final.steps)).toEqual([2, 2]);
    expect(Math.max(...result.runs.flatMap((r) => r.curve.map((p) => p.testAccuracy)))).toBeLessThanOrEqual(1);
  });
});
