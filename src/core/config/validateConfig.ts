import { CONFIG_KEYS, CONFIG_SCHEMA, checkField } from './configSchema';
import { POLICIES } from '../selection/policies';
import { usesReference } from '../selection/selectionPolicy';
import { DEFAULT_CONFIG, referenceBatchSize, superBatchSize, type ExperimentConfig } from './experimentConfig';

export interface ConfigError {
  field: string;
  message: string;
}

export type ConfigResult = { ok: true; config: ExperimentConfig } | { ok: false; errors: ConfigError[] };

/**
 * Validates a partial config (from a JSON file, URL or CLI) over the defaults. Unknown keys, wrong
 * types, out-of-range values and inconsistent combinations each get a message naming the field,
 * the value given and what is allowed. Never throws.
 */
export function validateConfig(input: unknown): ConfigResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        {
          field: '(config)',
          message: `config must be an object of settings, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`,
        },
      ],
    };
  }
  const errors: ConfigError[] = [];
  const merged: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(CONFIG_SCHEMA, key)) {
      errors.push({ field: key, message: `${key}: unknown setting; known settings: ${CONFIG_KEYS.join(', ')}` });
      continue;
    }
    const problem = checkField(key as keyof ExperimentConfig, value);
    if (problem) errors.push({ field: key, message: problem });
    else merged[key] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  const config = merged as unknown as ExperimentConfig;
  errors.push(...crossFieldErrors(config));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: { ...config, policies: [...config.policies] } };
}

function crossFieldErrors(c: ExperimentConfig): ConfigError[] {
  const errors: ConfigError[] = [];
  const B = superBatchSize(c);
  const corrupted = c.labelNoise + c.duplicateFraction + c.unlearnableFraction;
  if (corrupted > 0.9) {
    errors.push({
      field: 'labelNoise',
      message: `labelNoise + duplicateFraction + unlearnableFraction = ${round(corrupted)} is too much; their sum must be at most 0.9`,
    });
  }
  if (Math.abs(c.batchSize * c.filterRatio - B) > 1e-9) {
    errors.push({
      field: 'filterRatio',
      message: `filterRatio: ${c.filterRatio} × batchSize ${c.batchSize} = ${round(c.batchSize * c.filterRatio)} is not a whole super-batch; choose ρ so that b·ρ is an integer`,
    });
  }
  if (B > c.trainSize) {
    errors.push({
      field: 'batchSize',
      message: `batchSize: super-batch B = b·ρ = ${B} exceeds trainSize ${c.trainSize}; allowed B ≤ trainSize`,
    });
  }
  const needsReference = c.policies.some((p) => usesReference(POLICIES[p]));
  if (needsReference && c.referenceMode === 'held-out' && c.referencePretrainSteps > 0 && c.heldOutSize < B) {
    errors.push({
      field: 'heldOutSize',
      message: `heldOutSize: ${c.heldOutSize} is smaller than one reference pretraining batch (B = ${B}); allowed heldOutSize ≥ ${B} with a held-out reference`,
    });
  }
  const referenceBatch = referenceBatchSize(c);
  if (needsReference && c.referenceMode === 'online' && referenceBatch > c.trainSize) {
    const most = Math.max(1, Math.floor(c.trainSize / c.batchSize));
    errors.push({
      field: 'referenceBatchFactor',
      message: `referenceBatchFactor: ${c.referenceBatchFactor} × batchSize ${c.batchSize} = ${referenceBatch} exceeds trainSize ${c.trainSize}; allowed referenceBatchFactor ≤ ${most} with an online reference`,
    });
  }
  if (c.evalEvery > c.steps) {
    errors.push({ field: 'evalEvery', message: `evalEvery: ${c.evalEvery} exceeds steps ${c.steps}; allowed 1–${c.steps}` });
  }
  return errors;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
