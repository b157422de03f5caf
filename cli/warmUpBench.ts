import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The warm-up's effect on the first run's clock (bench/results.json `warmUpRatio`). */
export interface WarmUpRatio {
  /** First ÷ second of two identical IID runs after the warm-up: target ≤ 1.10. */
  value: number;
  /** The same without the warm-up: the control, well above 1 when the warm-up is what evens the clocks. */
  withoutWarmUp: number;
  steps: number;
  /** The two runs' curves match bit for bit (the warm-up changes time, never results). */
  accuraciesEqual: boolean;
}

interface Timing {
  firstMs: number;
  secondMs: number;
  accuraciesEqual: boolean;
}

/** One fresh process (a warm JIT cannot be made cold again): cli/warmUpTiming.ts. */
function timing(steps: number, ...flags: string[]): Timing {
  const tsx = join('node_modules', '.bin', 'tsx');
  const out = execFileSync(tsx, ['cli/warmUpTiming.ts', '--steps', String(steps), ...flags], { encoding: 'utf8', timeout: 600_000 });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as Timing;
}

/**
 * Two identical micro-preset IID runs in one fresh process, timed on its CPU clock, with and without
 * runExperiment's warm-up. Measured here rather than asserted in a unit test: on a shared 2-core
 * machine a half-second run's clock varies by ±10% on its own, so the figure is a ratio reported beside
 * its control, like every other speed target.
 */
export function measureWarmUpRatio(steps: number): WarmUpRatio {
  const warm = timing(steps);
  const cold = timing(steps, '--no-warm-up');
  return {
    value: warm.firstMs / warm.secondMs,
    withoutWarmUp: cold.firstMs / cold.secondMs,
    steps,
    accuraciesEqual: warm.accuraciesEqual && cold.accuraciesEqual,
  };
}
