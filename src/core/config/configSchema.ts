import { validateModelVariant } from '../models/modelRegistry';
import { isDecimalNumber, parseDecimal } from '../text/decimalNumber';
import {
  DATASET_NAMES,
  HARD_CLASS_STYLES,
  NOISE_KINDS,
  PIPELINE_MODES,
  POLICY_NAMES,
  REFERENCE_MODES,
  type ExperimentConfig,
} from './experimentConfig';

/**
 * One row per config key: its type, allowed range and a one-line help. The same table drives
 * validation messages, CLI flags (kebab-case) and URL keys.
 */
export type FieldSpec =
  | { kind: 'int'; min: number; max: number; help: string; multipleOf?: number }
  | { kind: 'number'; min: number; max: number; help: string }
  | { kind: 'enum'; values: readonly string[]; help: string }
  | { kind: 'enum-list'; values: readonly string[]; help: string }
  | { kind: 'boolean'; help: string }
  | { kind: 'model'; help: string };

export const CONFIG_SCHEMA: { [K in keyof ExperimentConfig]: FieldSpec } = {
  dataset: { kind: 'enum', values: DATASET_NAMES, help: 'dataset to train on' },
  trainSize: { kind: 'int', min: 256, max: 60_000, help: 'training examples' },
  heldOutSize: { kind: 'int', min: 0, max: 20_000, help: 'held-out examples (reference pretraining)' },
  testSize: { kind: 'int', min: 100, max: 10_000, help: 'clean test examples' },
  pixelNoise: { kind: 'number', min: 0, max: 4, help: 'pixel noise σ of the easy synthetic classes' },
  hardPixelNoise: { kind: 'number', min: 0, max: 4, help: 'pixel noise σ of the hard synthetic classes (upper half)' },
  hardClassStyle: {
    kind: 'enum',
    values: HARD_CLASS_STYLES,
    help: 'synthetic hard classes: pixel-noise = noisier (hardPixelNoise); fine-detail = one shared shape told apart only by a few small dots',
  },
  labelNoise: { kind: 'number', min: 0, max: 0.9, help: 'fraction of training labels corrupted (captioned data: mismatched captions)' },
  noiseKind: { kind: 'enum', values: NOISE_KINDS, help: 'symmetric: a random other class; asymmetric: c → c+1' },
  duplicateFraction: { kind: 'number', min: 0, max: 0.9, help: 'fraction of training examples replaced by duplicates' },
  unlearnableFraction: {
    kind: 'number',
    min: 0,
    max: 0.9,
    help: 'fraction of training examples replaced by pure noise with random labels',
  },
  classImbalance: { kind: 'number', min: 1, max: 100, help: 'largest ÷ smallest class frequency' },
  corruptHeldOut: { kind: 'boolean', help: 'apply the corruption knobs to the held-out split too' },
  learner: { kind: 'model', help: 'learner model variant' },
  scorer: { kind: 'model', help: 'scorer (online and reference) model variant' },
  embeddingDim: { kind: 'int', min: 4, max: 256, multipleOf: 4, help: 'E: shared image–text embedding width (captioned datasets only)' },
  steps: { kind: 'int', min: 1, max: 100_000, help: 'learner updates' },
  batchSize: { kind: 'int', min: 2, max: 1024, help: 'b: examples per learner update' },
  learningRate: { kind: 'number', min: 1e-6, max: 1, help: 'peak AdamW learning rate' },
  weightDecay: { kind: 'number', min: 0, max: 1, help: 'decoupled weight decay' },
  warmupFraction: { kind: 'number', min: 0, max: 0.5, help: 'share of steps spent in linear warmup' },
  labelSmoothing: { kind: 'number', min: 0, max: 0.5, help: 'label smoothing of the training loss' },
  evalEvery: { kind: 'int', min: 1, max: 100_000, help: 'steps between test evaluations' },
  seed: { kind: 'int', min: 0, max: 2 ** 31 - 1, help: 'seed for data, init, batch order and sampling' },
  policies: { kind: 'enum-list', values: POLICY_NAMES, help: 'selection policies to run (uniform = IID baseline)' },
  filterRatio: { kind: 'number', min: 1, max: 16, help: 'ρ = B / b, super-batch over learner batch' },
  temperature: { kind: 'number', min: 0, max: 100, help: 'τ: keep ∝ exp(score/τ), 0 = top-k; paper τ = 1, lab 0.1: sharper (README)' },
  referenceMode: {
    kind: 'enum',
    values: REFERENCE_MODES,
    help: 'held-out: pretrained then frozen; online: trained alongside, on its own batches',
  },
  referencePretrainSteps: { kind: 'int', min: 0, max: 100_000, help: 'reference pretraining steps on the held-out split' },
  referenceBatchFactor: { kind: 'int', min: 1, max: 32, help: 'online reference: trains on factor × b training examples a step, at 2× lr' },
  pipeline: {
    kind: 'enum',
    values: PIPELINE_MODES,
    help: 'scorers run ahead of the learner in their own worker; auto = on with a core each for learner and scorer (Node ≥ 2, browser ≥ 3); same results either way',
  },
  pipelineDepth: { kind: 'int', min: 1, max: 16, help: 'sub-batches the scorer may have ready ahead of the learner (queue size)' },
};

/** Keys that choose how a run is scheduled, not what it computes: a checkpoint resumes across them. */
export const EXECUTION_KEYS: readonly (keyof ExperimentConfig)[] = ['pipeline', 'pipelineDepth'];

export const CONFIG_KEYS = Object.keys(CONFIG_SCHEMA) as (keyof ExperimentConfig)[];

export function allowedText(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'int':
      return spec.multipleOf
        ? `a multiple of ${spec.multipleOf} from ${spec.min} to ${spec.max}`
        : `an integer from ${spec.min} to ${spec.max}`;
    case 'number':
      return `a number from ${spec.min} to ${spec.max}`;
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'enum-list':
      return `a comma-separated list of ${spec.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'model':
      return 'a model variant such as ViT-S/4';
  }
}

/** Checks one already-typed value; returns an error message or null. */
export function checkField(key: keyof ExperimentConfig, value: unknown): string | null {
  const spec = CONFIG_SCHEMA[key];
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  const bad = `${key}: ${shown} is not allowed; expected ${allowedText(spec)}`;
  switch (spec.kind) {
    case 'int':
    case 'number':
      if (typeof value === 'number' && !Number.isFinite(value)) return nonFinite(key, value, spec);
      if (typeof value !== 'number') return bad;
      if (spec.kind === 'int' && (!Number.isInteger(value) || (spec.multipleOf !== undefined && value % spec.multipleOf !== 0))) return bad;
      return value < spec.min || value > spec.max ? bad : null;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? null : bad;
    case 'enum-list':
      if (!Array.isArray(value) || value.length === 0) return bad;
      if (new Set(value).size !== value.length) return `${key}: ${shown} lists a policy twice; expected ${allowedText(spec)}`;
      return value.every((v) => typeof v === 'string' && spec.values.includes(v)) ? null : bad;
    case 'boolean':
      return typeof value === 'boolean' ? null : bad;
    case 'model': {
      if (typeof value !== 'string') return bad;
      const parsed = validateModelVariant(value);
      return parsed.ok ? null : `${key}: ${parsed.message}`;
    }
  }
}

/** NaN or ±Infinity (a JSON 1e999 reads as Infinity): named as such, not as the `null` JSON would print. */
function nonFinite(key: string, value: number, spec: FieldSpec): string {
  const why = Number.isNaN(value) ? 'is not a number' : 'is not a finite number (numbers beyond ±1.8e308, such as 1e999, read as Infinity)';
  return `${key}: ${String(value)} ${why}; expected ${allowedText(spec)}`;
}

/** Turns a string (CLI flag, URL parameter) into a typed value, or an error message. */
export function parseFieldValue(key: keyof ExperimentConfig, raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const spec = CONFIG_SCHEMA[key];
  const text = raw.trim();
  let value: unknown = text;
  if (spec.kind === 'int' || spec.kind === 'number') value = parseDecimal(text);
  else if (spec.kind === 'boolean') value = text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : text;
  else if (spec.kind === 'enum-list')
    value = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const problem = checkField(key, value);
  if (problem && (spec.kind === 'int' || spec.kind === 'number')) {
    // "0x10", "0b11", "0o7": Number() would read them, the lab does not (decimal digits only).
    const notDecimal =
      text !== '' && !isDecimalNumber(text) && Number.isFinite(Number(text))
        ? ' written as a decimal number (digits, optional . and exponent)'
        : '';
    return { ok: false, message: `${key}: "${raw}" is not allowed; expected ${allowedText(spec)}${notDecimal}` };
  }
  return problem ? { ok: false, message: problem } : { ok: true, value };
}
