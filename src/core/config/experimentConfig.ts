/**
 * The one typed experiment configuration: every default lives here. The schema beside it turns the
 * same fields into validation, CLI flags and URL keys.
 */
/** `custom`: a CSV or image folder the user uploads (src/core/data/upload); a link cannot carry it. */
export const DATASET_NAMES = ['synthetic', 'mnist', 'fashion-mnist', 'captioned-shapes', 'custom'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export const NOISE_KINDS = ['symmetric', 'asymmetric'] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

/** The policy names come from the policy registry (one line per policy). */
export { POLICY_NAMES, type PolicyName } from '../selection/policies';
import type { PolicyName } from '../selection/policies';

/** How the hard half of the synthetic classes is made hard (see src/core/data/syntheticImages.ts). */
export const HARD_CLASS_STYLES = ['pixel-noise', 'fine-detail'] as const;
export type HardClassStyle = (typeof HARD_CLASS_STYLES)[number];

export const REFERENCE_MODES = ['held-out', 'online'] as const;
export type ReferenceMode = (typeof REFERENCE_MODES)[number];

/**
 * Whether scorers run ahead of the learner in a worker of their own (docs/architecture.md, "Pipeline").
 * auto: on where the host has ≥ 2 cores and a scorer worker (resolvePipeline). Results never depend on it.
 */
export const PIPELINE_MODES = ['auto', 'on', 'off'] as const;
export type PipelineMode = (typeof PIPELINE_MODES)[number];

export interface ExperimentConfig {
  // data
  dataset: DatasetName;
  trainSize: number;
  heldOutSize: number;
  testSize: number;
  /** Pixel noise σ of the easy half of the synthetic classes. */
  pixelNoise: number;
  /** Pixel noise σ of the hard half of the synthetic classes (= pixelNoise: one difficulty). */
  hardPixelNoise: number;
  /** pixel-noise: the hard classes are noisier; fine-detail: they share one shape and differ in pixel-sized dots. */
  hardClassStyle: HardClassStyle;
  labelNoise: number;
  noiseKind: NoiseKind;
  duplicateFraction: number;
  unlearnableFraction: number;
  /** Largest ÷ smallest class frequency in train (1 = balanced). */
  classImbalance: number;
  /** Apply the corruption knobs to the held-out split too (default: held-out stays clean). */
  corruptHeldOut: boolean;
  // models
  learner: string;
  scorer: string;
  /** E: width of the shared image–text embedding (two-tower models, captioned datasets only). */
  embeddingDim: number;
  // training
  steps: number;
  /** b: examples per learner update. */
  batchSize: number;
  learningRate: number;
  weightDecay: number;
  warmupFraction: number;
  labelSmoothing: number;
  evalEvery: number;
  seed: number;
  // selection
  policies: PolicyName[];
  /** ρ = B / b: the super-batch is ρ times the learner batch. */
  filterRatio: number;
  /** τ: softmax temperature of the sampler; 0 = deterministic top-k. */
  temperature: number;
  referenceMode: ReferenceMode;
  /** Steps of reference pretraining on the held-out split (held-out mode). */
  referencePretrainSteps: number;
  /**
   * Online mode: the reference trains each step on its own batch of factor × b examples, drawn from
   * the training stream by its own sampler, at 2× the learning rate (the paper: 10 × b).
   */
  referenceBatchFactor: number;
  // execution (how the run is scheduled; never what it computes)
  /** Scorers in their own worker, ahead of the learner: auto (≥ 2 cores), on or off. */
  pipeline: PipelineMode;
  /** Sub-batches the scorer may have ready ahead of the learner (the bounded queue's capacity). */
  pipelineDepth: number;
}

export const DEFAULT_CONFIG: Readonly<ExperimentConfig> = Object.freeze({
  dataset: 'synthetic',
  trainSize: 10_000,
  heldOutSize: 4_000,
  testSize: 2_000,
  pixelNoise: 0.5,
  hardPixelNoise: 0.5,
  hardClassStyle: 'pixel-noise',
  labelNoise: 0,
  noiseKind: 'symmetric',
  duplicateFraction: 0,
  unlearnableFraction: 0,
  classImbalance: 1,
  corruptHeldOut: false,
  learner: 'ViT-S/4',
  scorer: 'ViT-Mi/4',
  embeddingDim: 32,
  steps: 400,
  batchSize: 64,
  learningRate: 1e-3,
  weightDecay: 1e-4,
  warmupFraction: 0.05,
  labelSmoothing: 0.1,
  evalEvery: 50,
  seed: 0,
  policies: ['uniform'],
  filterRatio: 2,
  temperature: 0.1,
  referenceMode: 'held-out',
  referencePretrainSteps: 400,
  referenceBatchFactor: 10,
  pipeline: 'auto',
  pipelineDepth: 2,
} satisfies ExperimentConfig);

/** The online reference's batch per step: referenceBatchFactor × b. */
export function referenceBatchSize(config: Pick<ExperimentConfig, 'batchSize' | 'referenceBatchFactor'>): number {
  return config.batchSize * config.referenceBatchFactor;
}

/** B: examples scored per step. */
export function superBatchSize(config: Pick<ExperimentConfig, 'batchSize' | 'filterRatio'>): number {
  return Math.round(config.batchSize * config.filterRatio);
}
