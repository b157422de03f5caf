import { describe, expect, it } from 'vitest';
import { flops } from '../../core/accounting/units';
import type { ExperimentEvent } from '../../core/experiment/events';
import { EngineLostError } from '../../worker/engine';
import { SAMPLE_RESULT } from '../runs/sampleResult.fixture';
import { failureOutcome } from './failureOutcome';
import { INITIAL_EXPERIMENT_STATE, experimentReducer } from './liveState';

const [iid] = SAMPLE_RESULT.runs;
const point = (step: number) => ({
  step,
  testAccuracy: 0.2,
  trainLoss: 1.5,
  flops: flops(step * 1e6),
  wallMs: step,
  noisySelectedFraction: 0.1,
});

/** One finished IID run, then the active run part-way (two points rendered, one more still queued). */
function midExperiment() {
  const events: ExperimentEvent[] = [
    { type: 'run-started', runId: iid!.id, policy: 'uniform', scorer: null, totalSteps: 40 },
    ...iid!.curve.map((p): ExperimentEvent => ({ type: 'evaluation', runId: iid!.id, point: p })),
    { type: 'run-finished', runId: iid!.id, run: iid! },
    { type: 'run-started', runId: 'learnability@ViT-Mi/4', policy: 'learnability', scorer: 'ViT-Mi/4', totalSteps: 40 },
    { type: 'evaluation', runId: 'learnability@ViT-Mi/4', point: point(0) },
    { type: 'evaluation', runId: 'learnability@ViT-Mi/4', point: point(10) },
  ];
  const state = events.reduce(
    (s, event) => experimentReducer(s, { type: 'event', event }),
    experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: SAMPLE_RESULT.config }),
  );
  const queued: ExperimentEvent[] = [{ type: 'evaluation', runId: 'learnability@ViT-Mi/4', point: point(20) }];
  return { state, queued };
}

describe('an experiment that did not finish', () => {
  it('a crash after one run finished keeps that run and the partial curve, unfinished (never reported as finished)', () => {
    const { state, queued } = midExperiment();
    const outcome = failureOutcome(state, queued, new EngineLostError('the training worker crashed (boom)'));
    expect(outcome.resumable).toBe(true);
    expect(outcome.message).toBe('the training worker crashed (boom)');
    const soFar = outcome.soFar!;
    expect(soFar.runs.map((r) => r.id)).toEqual([iid!.id, 'learnability@ViT-Mi/4']);
    expect(soFar.runs[1]!.curve.map((p) => p.step)).toEqual([0, 10, 20]);
    expect(soFar.runs[1]!.stoppedEarly).toEqual({ reason: 'unfinished', detail: 'unfinished: saved at step 20 of 40' });
    // Not a finished result: no failure marker that would make the record look complete.
    expect(soFar.failure).toBeUndefined();
  });

  it('a refused request (not a lost engine) is not resumed, but its runs so far are still kept', () => {
    const { state } = midExperiment();
    const outcome = failureOutcome(state, [], new Error('cannot resume: scorers differ'));
    expect(outcome.resumable).toBe(false);
    expect(outcome.soFar?.runs).toHaveLength(2);
  });

  it('nothing to keep before the first evaluation', () => {
    const state = experimentReducer(INITIAL_EXPERIMENT_STATE, { type: 'started', config: SAMPLE_RESULT.config });
    expect(failureOutcome(state, [], 'x')).toEqual({ message: 'x', soFar: null, resumable: false });
  });
});
