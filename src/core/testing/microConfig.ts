import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/experimentConfig';
import { PRESETS } from '../config/presets';

/** The micro preset on the defaults, with a test's own sizes on top: the small experiment most engine tests run. */
export function microConfig(overrides: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return { ...DEFAULT_CONFIG, ...PRESETS.micro.config, ...overrides } as ExperimentConfig;
}
