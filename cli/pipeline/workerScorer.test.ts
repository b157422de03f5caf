import type { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/core/config/experimentConfig';
import { buildSyntheticDataset } from '../../src/core/data/syntheticDataset';
import type { ExperimentCheckpoint } from '../../src/core/experiment/checkpoint';
import { runExperiment, type ExperimentOptions } from '../../src/core/experiment/runExperiment';
import { switchToTestBackend } from '../../src/core/testing/testBackend';
import { workerScorerStarter, type WorkerScorerOptions } from './workerScorer';
import { computedRuns as computed } from '../../src/core/testing/computedRuns';
import { microConfig } from '../../src/core/testing/microConfig';

/**
 * The scorer side in a worker thread (docs/architecture.md, "Pipeline"): the picks and curves of a
 * sequential run, a resume of both sides from a checkpoint, a lost worker recovered, a stall reported.
 */
const config: ExperimentConfig = microConfig({ steps: 12, evalEvery: 3, referenceMode: 'online', policies: ['learnability'] });
const dataset = buildSyntheticDataset(config);

async function trace(c: ExperimentConfig, workers: WorkerScorerOptions | null, options: Partial<ExperimentOptions> = {}) {
  const picks: Record<string, number[][]> = {};
  const checkpoints: ExperimentCheckpoint[] = [];
  const phases: string[] = [];
  const result = await runExperiment(c, dataset, {
    backend: 'wasm',
    warmUp: false,
    emit: (e) => {
      if (e.type === 'selection') (picks[e.runId] ??= [])[e.sample.step] = e.sample.selected.map((p) => e.sample.superBatch[p] as number);
      if (e.type === 'phase') phases.push(e.message);
    },
    onCheckpoint: (cp) => void checkpoints.push(structuredClone(cp)),
    ...(workers ? { pipelineHost: { cores: 2, startScorer: workerScorerStarter(dataset, 'wasm', { warmUp: false, ...workers }) } } : {}),
    ...options,
  });
  return { result, picks, checkpoints, phases };
}

describe('scorer side in a worker thread (wasm)', () => {
  beforeAll(() => switchToTestBackend('wasm'));
  let sequential: Awaited<ReturnType<typeof trace>>;
  beforeAll(async () => {
    sequential = await trace({ ...config, pipeline: 'off' }, null);
  });

  it('learnability: the same picks, curves and ledger as the sequential run (auto on 2 cores)', async () => {
    const piped = await trace({ ...config, pipeline: 'auto' }, {});
    expect(piped.result.runs.at(-1)!.pipeline).toMatchObject({ mode: 'pipelined', scorer: 'worker', depth: 2 });
    expect(piped.picks).toEqual(sequential.picks);
    expect(computed(piped.result)).toEqual(computed(sequential.result));
  });

  it('a run the user stops asks its scorer thread for the scorer models’ accuracy (no hang, no null)', async () => {
    let steps = 0;
    const { result } = await trace(
      { ...config, pipeline: 'on' },
      {},
      {
        emit: (e) => void (e.type === 'step' && e.runId.startsWith('learnability') && steps++),
        shouldStop: () => steps >= 5,
      },
    );
    const run = result.runs.at(-1)!;
    expect(run.stoppedEarly?.reason).toBe('user');
    expect(run.pipeline).toMatchObject({ mode: 'pipelined', scorer: 'worker' });
    expect(run.onlineTestAccuracy).toBeGreaterThanOrEqual(0);
    expect(run.referenceTestAccuracy).toBeGreaterThanOrEqual(0);
  });

  it('a checkpoint + resume of both sides reproduces the uninterrupted run', async () => {
    const piped = await trace({ ...config, pipeline: 'on', pipelineDepth: 1 }, {});
    const runId = piped.result.runs.at(-1)!.id;
    const midRun = piped.checkpoints.find((c) => c.current?.runId === runId && c.current.step === 6)!;
    expect(midRun).toBeDefined();
    const resumed = await trace({ ...config, pipeline: 'on', pipelineDepth: 4 }, {}, { resume: midRun });
    expect(computed(resumed.result)).toEqual(computed(sequential.result));
    expect(resumed.picks[runId]?.slice(7)).toEqual(sequential.picks[runId]?.slice(7));
  });

  it('a lost scorer worker resumes from the checkpoint: the result is the uninterrupted one', async () => {
    const workers: Worker[] = [];
    let killed = false;
    const piped = await trace(
      { ...config, pipeline: 'on' },
      {
        onWorker: (w) => {
          workers.push(w);
          // Lose the first scorer worker once it has made 8 sub-batches (after the checkpoint at step 6... or before).
          let made = 0;
          w.on('message', (m: { type: string }) => {
            if (m.type === 'message' && ++made === 8 && !killed) {
              killed = true;
              void w.terminate();
            }
          });
        },
      },
    );
    expect(killed).toBe(true);
    expect(workers.length).toBe(2);
    expect(
      piped.phases.some((m) =>
        /scorer side was lost \(its worker exited with code 1\); resuming both sides from its checkpoint at step \d+/.test(m),
      ),
    ).toBe(true);
    expect(piped.result.failure).toBeUndefined();
    expect(computed(piped.result)).toEqual(computed(sequential.result));
  });

  it('a scorer worker that goes silent is reported as stalled within the stall time, not a hang', async () => {
    const started = performance.now();
    const piped = await trace({ ...config, pipeline: 'on', pipelineDepth: 1 }, { hangAfter: 3, stallMs: 1000 });
    expect(piped.result.failure?.message).toMatch(
      /scorer side sent nothing for 1\.0 s \(no sub-batch, no heartbeat\); it is stalled or dead/,
    );
    expect(piped.result.runs.map((r) => r.id)).toEqual(['uniform']);
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
