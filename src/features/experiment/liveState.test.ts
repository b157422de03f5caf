import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config/experimentConfig';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { INITIAL_EXPERIMENT_STATE, experimentReducer, resultSoFar } from './liveState';

const result = (failure?: ExperimentResult['failure']): ExperimentResult => ({ config: DEFAULT_CONFIG, backend: 'wasm', runs: [], comparisons: [], ...(failure ? { failure } : {}) });

describe('experiment reducer', () => {
  it('a diverged experiment ends as failed, with the message and the runs so far', () => {
    const running = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG });
    const failed = experimentReducer(running, { type: 'finished', result: result({ runId: 'learnability@ViT-Mi/8', message: 'online model loss became NaN at step 7 (learnability run); lower learningRate (now 0.5) and run again' }) });
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('online model loss became NaN at step 7 (learnability run); lower learningRate (now 0.5) and run again. The runs so far are kept and saved.');
    expect(failed.result).not.toBeNull();
  });

  it('ignores events that arrive after the result (the result is authoritative)', () => {
    const running = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG });
    const done = experimentReducer(running, { type: 'finished', result: result() });
    expect(done.status).toBe('finished');
    const late = experimentReducer(done, { type: 'event', event: { type: 'phase', runId: 'x', message: 'late' } });
    expect(late).toBe(done);
  });
});

describe('resultSoFar (saved while training)', () => {
  it('keeps the finished runs and the training run with its curve so far, marked unfinished', () => {
    let state = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: DEFAULT_CONFIG });
    expect(resultSoFar(state)).toBeNull();
    state = experimentReducer(state, { type: 'event', event: { type: 'run-started', runId: 'uniform', policy: 'uniform', scorer: null, totalSteps: 400 } });
    const point = (step: number) => ({ step, testAccuracy: step / 1000, trainLoss: null, flops: step * 10, wallMs: step, noisySelectedFraction: null });
    for (const step of [0, 50, 100]) state = experimentReducer(state, { type: 'event', event: { type: 'evaluation', runId: 'uniform', point: point(step) } });
    const soFar = resultSoFar(state)!;
    expect(soFar.runs).toHaveLength(1);
    expect(soFar.runs[0]?.curve.map((p) => p.step)).toEqual([0, 50, 100]);
    expect(soFar.runs[0]?.final).toEqual({ testAccuracy: 0.1, steps: 100, flops: 1000, wallMs: 100 });
    expect(soFar.runs[0]?.stoppedEarly).toBe('unfinished: saved at step 100 of 400');
    expect(soFar.comparisons).toEqual([]);
  });
});
