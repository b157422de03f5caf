import type { ParameterMap } from './parameters';

/** What every trainable model has, whatever its task: named parameters (for the optimiser) and a variant name. */
export interface TrainableModel {
  readonly variant: string;
  readonly params: ParameterMap;
  dispose(): void;
}
