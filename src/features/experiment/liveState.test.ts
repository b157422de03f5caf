import { describe, expect, it } from 'vitest';
import { flops } from '../../core/accounting/units';
import { DEFAULT_CONFIG } from '../../core/config/experimentConfig';
import type { ExperimentCheckpoint } from '../../core/experiment/checkpoint';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { INITIAL_EXPERIMENT_STATE, experimentReducer, resultSoFar } from './liveState';

const result = (failure?: ExperimentResult['failure']): ExperimentResult => ({
  config: DEFAULT_CONFIG,
  backend: 'wasm',
  runs: [],
  comparisons: [],
  ...(failure ? { failure } : {}),
});

describe('experiment reducer', () => {
  it('a diverged experiment ends as failed, with the message and the runs so far', () => {
    const running = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG });
    const failed = experimentReducer(running, {
      type: 'finished',
      result: result({
        runId: 'learnability@ViT-Mi/8',
        message: 'online model loss became NaN at step 7 (learnability run); lower learningRate (now 0.5) and run again',
      }),
    });
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe(
      'online model loss became NaN at step 7 (learnability run); lower learningRate (now 0.5) and run again. The runs so far are kept and saved.',
    );
    expect(failed.result).not.toBeNull();
  });

  it('ignores events that arrive after the result (the result is authoritative)', () => {
    const running = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG });
    const done = experimentReducer(running, { type: 'finished', result: result() });
    expect(done.status).toBe('finished');
    const late = experimentReducer(done, { type: 'event', event: { type: 'phase', runId: 'x', message: 'late' } });
    expect(late).toBe(done);
    // …except the last selection sample, which the inspector shows after the run.
    const sample = { step: 20, superBatch: [4, 9], selected: [1], scores: [0.1, 0.7], losses: {} };
    const inspected = experimentReducer(done, { type: 'event', event: { type: 'selection', runId: 'learnability@ViT-Mu/8', sample } });
    expect(inspected.selection).toEqual({ ...sample, runId: 'learnability@ViT-Mu/8' });
    expect(inspected.status).toBe('finished');
  });

  it('a Stop during the warm-up or between runs ends as stopped, not finished; a run-less result after no Stop stays finished', () => {
    const running = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG });
    const stopping = experimentReducer(running, { type: 'stop-requested' });
    expect(experimentReducer(stopping, { type: 'finished', result: result() }).status).toBe('stopped');
    expect(experimentReducer(running, { type: 'finished', result: result() }).status).toBe('finished');
    // A Stop after the end changes nothing, and the next start forgets it.
    const done = experimentReducer(running, { type: 'finished', result: result() });
    expect(experimentReducer(done, { type: 'stop-requested' })).toBe(done);
    const again = experimentReducer(stopping, { type: 'started', config: DEFAULT_CONFIG });
    expect(experimentReducer(again, { type: 'finished', result: result() }).status).toBe('finished');
  });

  it('a resumed experiment starts from the checkpoint: finished runs kept, a resumed run keeps its curve so far', () => {
    const point = (step: number) => ({
      step,
      testAccuracy: 0.5,
      trainLoss: 1,
      flops: flops(step),
      wallMs: step,
      noisySelectedFraction: 0.3,
    });
    const checkpoint: ExperimentCheckpoint = {
      version: 1,
      config: { ...DEFAULT_CONFIG },
      scorers: ['ViT-Mu/8'],
      backend: 'wasm',
      finishedRuns: [],
      current: null,
      references: [],
    };
    const resumed = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'resumed', checkpoint });
    expect(resumed.status).toBe('running');
    const started = experimentReducer(resumed, {
      type: 'event',
      event: {
        type: 'run-started',
        runId: 'uniform',
        policy: 'uniform',
        scorer: null,
        totalSteps: 40,
        resumedAt: 20,
        curve: [point(0), point(10), point(20)],
      },
    });
    expect(started.runs).toHaveLength(1);
    expect(started.runs[0]?.step).toBe(20);
    expect(started.runs[0]?.points.map((p) => p.step)).toEqual([0, 10, 20]);
    expect(started.runs[0]?.noisyHistory).toHaveLength(3);
  });
});

describe('resultSoFar (saved while training)', () => {
  it('keeps the finished runs and the training run with its curve so far, marked unfinished', () => {
    let state = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG });
    expect(resultSoFar(state)).toBeNull();
    state = experimentReducer(state, {
      type: 'event',
      event: { type: 'run-started', runId: 'uniform', policy: 'uniform', scorer: null, totalSteps: 400 },
    });
    const point = (step: number) => ({
      step,
      testAccuracy: step / 1000,
      trainLoss: null,
      flops: flops(step * 10),
      wallMs: step,
      noisySelectedFraction: null,
    });
    for (const step of [0, 50, 100])
      state = experimentReducer(state, { type: 'event', event: { type: 'evaluation', runId: 'uniform', point: point(step) } });
    const soFar = resultSoFar(state)!;
    expect(soFar.runs).toHaveLength(1);
    expect(soFar.runs[0]?.curve.map((p) => p.step)).toEqual([0, 50, 100]);
    expect(soFar.runs[0]?.final).toEqual({ testAccuracy: 0.1, steps: 100, flops: 1000, wallMs: 100 });
    expect(soFar.runs[0]?.stoppedEarly).toEqual({ reason: 'unfinished', detail: 'unfinished: saved at step 100 of 400' });
    expect(soFar.comparisons).toEqual([]);
    expect(soFar.backend).toBe('unknown');
  });

  it('keeps the class names and hard classes a run announced, so the result so far carries them', () => {
    let state = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG });
    const announced = {
      type: 'run-started',
      runId: 'uniform',
      policy: 'uniform',
      scorer: null,
      totalSteps: 40,
      classNames: ['a', 'b (hard)'],
      hardClasses: [1],
    } as const;
    state = experimentReducer(state, {
      type: 'event',
      event: { ...announced, classNames: [...announced.classNames], hardClasses: [...announced.hardClasses] },
    });
    expect(state.classes).toEqual({ names: ['a', 'b (hard)'], hard: [1] });
    const point = {
      step: 0,
      testAccuracy: 0.5,
      trainLoss: null,
      flops: flops(0),
      wallMs: 0,
      noisySelectedFraction: null,
      classAccuracy: [1, 0],
      worstClassAccuracy: 0,
    };
    state = experimentReducer(state, { type: 'event', event: { type: 'evaluation', runId: 'uniform', point } });
    const soFar = resultSoFar(state)!;
    expect([soFar.classNames, soFar.hardClasses]).toEqual([['a', 'b (hard)'], [1]]);
    const loaded = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'loaded', result: soFar });
    expect(loaded.classes).toEqual({ names: ['a', 'b (hard)'], hard: [1] });
  });

  it('names the backend the engine reported when the experiment started', () => {
    let state = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG, backend: 'webgpu' });
    state = experimentReducer(state, {
      type: 'event',
      event: { type: 'run-started', runId: 'uniform', policy: 'uniform', scorer: null, totalSteps: 400 },
    });
    const point = { step: 0, testAccuracy: 0.1, trainLoss: null, flops: flops(0), wallMs: 0, noisySelectedFraction: null };
    state = experimentReducer(state, { type: 'event', event: { type: 'evaluation', runId: 'uniform', point } });
    expect(resultSoFar(state)?.backend).toBe('webgpu');
  });
});
