import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig, PolicyName } from '../config/experimentConfig';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import type { ExperimentCheckpoint } from '../experiment/checkpoint';
import type { ExperimentResult } from '../experiment/resultTypes';
import { runExperiment, type ExperimentOptions } from '../experiment/runExperiment';
import { switchToTestBackend } from '../testing/testBackend';
import { computedRuns as computed } from '../testing/computedRuns';
import { microConfig } from '../testing/microConfig';

/**
 * The pipeline computes what the sequential loop computes (docs/architecture.md, "Pipeline"): same
 * picks, same curves, same ledger, at every depth, and across a checkpoint and resume of both sides.
 * Here the scorer side runs in-process (`pipeline: on`, no worker); cli/pipeline tests the worker.
 */
const base: ExperimentConfig = microConfig({ steps: 12, evalEvery: 3, referencePretrainSteps: 5 });

type Picks = Record<string, number[][]>;

async function trace(config: ExperimentConfig, options: Partial<ExperimentOptions> = {}) {
  const picks: Picks = {};
  const checkpoints: ExperimentCheckpoint[] = [];
  const result = await runExperiment(config, buildSyntheticDataset(config), {
    backend: 'wasm',
    warmUp: false,
    emit: (e) => {
      if (e.type === 'selection') (picks[e.runId] ??= [])[e.sample.step] = e.sample.selected.map((p) => e.sample.superBatch[p] as number);
    },
    onCheckpoint: (c) => void checkpoints.push(structuredClone(c)),
    ...options,
  });
  return { result, picks, checkpoints };
}

const active = (result: ExperimentResult) => result.runs.at(-1)!;

describe('pipelined runs (in-process scorer side, wasm)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it.each([
    ['learnability', 'online'],
    ['learnability', 'held-out'],
    ['easy', 'held-out'],
    ['shuffled', 'online'],
  ] as const)(
    '%s (%s reference): the same picks, curves and ledger as sequential mode at depth 1, 2 and 4',
    async (policy, referenceMode) => {
      const config = { ...base, policies: [policy as PolicyName], referenceMode };
      const sequential = await trace({ ...config, pipeline: 'off' });
      expect(active(sequential.result).pipeline).toBeUndefined();
      for (const depth of [1, 2, 4]) {
        const piped = await trace({ ...config, pipeline: 'on', pipelineDepth: depth });
        const run = active(piped.result);
        expect(run.pipeline).toMatchObject({ mode: 'pipelined', depth, scorer: 'in-process', reason: null });
        expect(run.pipeline?.learnerBusy).toBeGreaterThan(0);
        expect(run.pipeline?.scorerBusy).toBeGreaterThan(0);
        expect(piped.picks).toEqual(sequential.picks);
        expect(computed(piped.result)).toEqual(computed(sequential.result));
        expect(piped.result.comparisons.map((c) => ({ ...c, wallSaving: null }))).toEqual(
          sequential.result.comparisons.map((c) => ({ ...c, wallSaving: null })),
        );
        // A pipelined run's wall time is the learner phase plus its waits; the phases themselves are all measured.
        expect(run.final.wallMs).toBeCloseTo(run.phaseWallMs.learner + run.pipeline!.queueWaitMs!, 6);
        expect(run.phaseWallMs.scoring).toBeGreaterThan(0);
      }
    },
  );

  it('a learner-reading policy (hard, rho) runs sequentially and says why', async () => {
    const { result } = await trace({ ...base, policies: ['hard', 'rho'], pipeline: 'on' });
    for (const run of result.runs) {
      expect(run.pipeline?.mode).toBe('sequential');
      expect(run.pipeline?.reason).toMatch(run.policy === 'uniform' ? /scores nothing/ : /learner's own weights/);
    }
  });

  it('auto stays sequential on one core, and pipelines with two cores and a scorer starter', async () => {
    const config = { ...base, policies: ['learnability' as const], pipeline: 'auto' as const };
    const one = await trace(config, { pipelineHost: { cores: 1 } });
    expect(active(one.result).pipeline).toMatchObject({ mode: 'sequential', reason: expect.stringMatching(/1 core/) });
    const noWorker = await trace(config, { pipelineHost: { cores: 2 } });
    expect(active(noWorker.result).pipeline?.reason).toMatch(/cannot start a scorer worker/);
  });

  it('a checkpoint of a pipelined run resumes both sides to the uninterrupted result, pipelined or not', async () => {
    const config = { ...base, policies: ['learnability' as const], referenceMode: 'online' as const, pipeline: 'on' as const };
    const whole = await trace(config);
    const runId = active(whole.result).id;
    const midRun = whole.checkpoints.find((c) => c.current?.runId === runId && c.current.step === 6);
    expect(midRun?.current?.online).not.toBeNull();
    expect(midRun?.current?.pipelineTimes?.takes).toBe(6);
    const sequential = await trace({ ...config, pipeline: 'off' });
    // The checkpoint a pipelined run takes is the one a sequential run takes at the same step (wall times aside).
    const seqMid = sequential.checkpoints.find((c) => c.current?.runId === runId && c.current.step === 6);
    const state = (c: ExperimentCheckpoint | undefined) => {
      const { recorder, ...rest } = c!.current!;
      return {
        ...rest,
        phaseWallMs: null,
        pipelineTimes: null,
        recorder: { ...recorder, points: recorder.points.map((p) => ({ ...p, wallMs: 0 })) },
      };
    };
    expect(state(midRun)).toEqual(state(seqMid));
    for (const pipeline of ['on', 'off'] as const) {
      const resumed = await trace({ ...config, pipeline }, { resume: midRun! });
      expect(computed(resumed.result)).toEqual(computed(whole.result));
      expect(resumed.picks[runId]?.slice(7)).toEqual(whole.picks[runId]?.slice(7));
    }
  });

  it('a run the user stops mid-way still reports its scorer models’ accuracy, as a sequential run does, and leaks nothing', async () => {
    const config = { ...base, policies: ['learnability' as const], referenceMode: 'online' as const };
    const stopAfterSteps = (n: number) => {
      let steps = 0;
      return {
        emit: (e: { type: string; runId?: string }) => void (e.type === 'step' && e.runId?.startsWith('learnability') && steps++),
        shouldStop: () => steps >= n,
      };
    };
    for (const pipeline of ['on', 'off'] as const) {
      const before = tf.memory().numTensors;
      const { result } = await trace({ ...config, pipeline }, stopAfterSteps(5));
      const run = active(result);
      expect(run.stoppedEarly?.reason).toBe('user');
      expect(run.final.steps).toBeLessThan(config.steps);
      for (const accuracy of [run.onlineTestAccuracy, run.referenceTestAccuracy]) {
        expect(accuracy, `${pipeline}: scorer model accuracy`).toBeGreaterThanOrEqual(0);
        expect(accuracy).toBeLessThanOrEqual(1);
      }
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('leaks no tensors', async () => {
    const config = { ...base, policies: ['learnability' as const], referenceMode: 'online' as const, pipeline: 'on' as const };
    await trace(config);
    const before = tf.memory().numTensors;
    await trace(config);
    expect(tf.memory().numTensors).toBe(before);
  });
});
