import { CONFIG_SCHEMA, allowedText, type FieldSpec } from '../../core/config/configSchema';
import type { ExperimentConfig } from '../../core/config/experimentConfig';

export type ConfigKey = keyof ExperimentConfig;

/** The form's fieldsets, in order; together they hold every config key exactly once. */
export const FORM_GROUPS: readonly { legend: string; keys: readonly ConfigKey[] }[] = [
  { legend: 'Data', keys: ['dataset', 'trainSize', 'heldOutSize', 'testSize', 'pixelNoise', 'hardPixelNoise', 'hardClassStyle'] },
  {
    legend: 'Corruption',
    keys: ['labelNoise', 'noiseKind', 'duplicateFraction', 'unlearnableFraction', 'classImbalance', 'corruptHeldOut'],
  },
  { legend: 'Models', keys: ['learner', 'scorer', 'embeddingDim'] },
  {
    legend: 'Training',
    keys: ['steps', 'batchSize', 'learningRate', 'weightDecay', 'warmupFraction', 'labelSmoothing', 'evalEvery', 'seed'],
  },
  {
    legend: 'Selection',
    keys: ['policies', 'filterRatio', 'temperature', 'referenceMode', 'referencePretrainSteps', 'referenceBatchFactor'],
  },
  { legend: 'Execution', keys: ['pipeline', 'pipelineDepth'] },
];

/** Visible labels, with the paper's symbols where they exist. */
export const FIELD_LABELS: Record<ConfigKey, string> = {
  dataset: 'Dataset',
  trainSize: 'Training examples',
  heldOutSize: 'Held-out examples',
  testSize: 'Test examples',
  pixelNoise: 'Pixel noise σ (easy classes)',
  hardPixelNoise: 'Pixel noise σ (hard classes)',
  hardClassStyle: 'Hard classes differ by',
  labelNoise: 'Label noise',
  noiseKind: 'Label noise kind',
  duplicateFraction: 'Duplicate fraction',
  unlearnableFraction: 'Unlearnable fraction',
  classImbalance: 'Class imbalance',
  corruptHeldOut: 'Corrupt the held-out split too',
  learner: 'Learner model',
  scorer: 'Scorer model',
  embeddingDim: 'Embedding width E (image–text)',
  steps: 'Training steps',
  batchSize: 'Batch size b',
  learningRate: 'Learning rate η',
  weightDecay: 'Weight decay λ',
  warmupFraction: 'Warmup fraction',
  labelSmoothing: 'Label smoothing',
  evalEvery: 'Evaluate every (steps)',
  seed: 'Seed',
  policies: 'Selection policies',
  filterRatio: 'Filter ratio ρ',
  temperature: 'Temperature τ',
  referenceMode: 'Reference model',
  referencePretrainSteps: 'Reference pretraining steps',
  referenceBatchFactor: 'Online reference batch (× b)',
  pipeline: 'Scorer pipeline',
  pipelineDepth: 'Pipeline depth (sub-batches ahead)',
};

/** DOM ids of a field's control, help text and inline error. */
export function fieldIds(key: string): { input: string; help: string; error: string } {
  return { input: `cfg-${key}`, help: `cfg-${key}-help`, error: `cfg-${key}-error` };
}

/** "examples per learner update (an integer from 2 to 1024)": the schema help plus the range for numbers. */
export function helpText(spec: FieldSpec): string {
  return spec.kind === 'int' || spec.kind === 'number' ? `${spec.help} (${allowedText(spec)})` : spec.help;
}

export function specOf(key: ConfigKey): FieldSpec {
  return CONFIG_SCHEMA[key];
}

/** Errors grouped by field; errors for anything that is not a config key go under '' (shown as a summary). */
export function errorsByField(errors: readonly { field: string; message: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) {
    const field = Object.prototype.hasOwnProperty.call(CONFIG_SCHEMA, e.field) ? e.field : '';
    map.set(field, [...(map.get(field) ?? []), e.message]);
  }
  return map;
}

/** Toggles one policy: unchecking removes it, checking appends it (the run order is the click order). */
export function togglePolicy<T extends string>(policies: readonly T[], policy: T, checked: boolean): T[] {
  const without = policies.filter((p) => p !== policy);
  return checked ? [...without, policy] : without;
}
