import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../config/experimentConfig';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { switchToTestBackend } from '../testing/testBackend';
import type { ExperimentEvent } from './events';
import type { ExperimentResult } from './resultTypes';
import { runExperiment } from './runExperiment';
import { microConfig } from '../testing/microConfig';

// Timing itself is measured in fresh processes by `npm run bench` (warmUpRatio, cli/warmUpBench.ts).
const base: ExperimentConfig = microConfig({ steps: 8, evalEvery: 4, referencePretrainSteps: 4 });

async function run(config: ExperimentConfig, warmUp: boolean) {
  const events: ExperimentEvent[] = [];
  const result = await runExperiment(config, buildSyntheticDataset(config), { backend: 'wasm', warmUp, emit: (e) => events.push(e) });
  return { result, events };
}

/** Everything measured except wall time. */
const comparable = (result: ExperimentResult) =>
  result.runs.map((r) => ({
    id: r.id,
    final: { ...r.final, wallMs: 0 },
    phaseFlops: r.phaseFlops,
    curve: r.curve.map((p) => ({ ...p, wallMs: 0 })),
  }));
const picks = (events: ExperimentEvent[]) =>
  events.flatMap((e) => (e.type === 'selection' ? [[e.runId, e.sample.step, ...e.sample.selected]] : []));

describe('the warm-up before the first timed run (wasm)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it.each(['held-out', 'online'] as const)(
    'consumes no seeded stream: runs are bit-identical with and without it (%s reference)',
    async (referenceMode) => {
      const config: ExperimentConfig = { ...base, policies: ['uniform', 'learnability', 'hard', 'rho'], referenceMode };
      const warm = await run(config, true);
      const cold = await run(config, false);
      expect(comparable(warm.result)).toEqual(comparable(cold.result));
      expect(picks(warm.events)).toEqual(picks(cold.events));
      expect(picks(warm.events).length).toBeGreaterThan(0);
      // It says what it does, and its throwaway runs emit nothing.
      expect(warm.events.filter((e) => e.type === 'phase' && e.message.startsWith('warming up'))).toHaveLength(1);
      expect(warm.events.filter((e) => e.type === 'run-started').map((e) => e.runId)).toEqual(
        cold.events.filter((e) => e.type === 'run-started').map((e) => e.runId),
      );
    },
  );
});
