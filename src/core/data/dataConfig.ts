import type { ExperimentConfig } from '../config/experimentConfig';

/** The settings every dataset builder reads: split sizes, the corruption knobs and the seed. */
export type DataConfig = Pick<
  ExperimentConfig,
  | 'trainSize'
  | 'heldOutSize'
  | 'testSize'
  | 'labelNoise'
  | 'noiseKind'
  | 'duplicateFraction'
  | 'unlearnableFraction'
  | 'classImbalance'
  | 'corruptHeldOut'
  | 'seed'
>;

/** A generated dataset's settings: the above plus its pixel noise. */
export type GeneratedDataConfig = DataConfig & Pick<ExperimentConfig, 'pixelNoise' | 'hardPixelNoise'>;
