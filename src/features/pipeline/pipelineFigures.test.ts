import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../core/experiment/resultTypes';
import type { LiveRun } from '../experiment/liveState';
import { pipelineFigures } from './pipelineFigures';

const run = (id: string, extra: Partial<LiveRun>): LiveRun => ({
  id,
  policy: 'learnability',
  scorer: 'ViT-Mu/8',
  totalSteps: 10,
  step: 3,
  wallMs: 100,
  etaMs: null,
  points: [],
  noisyHistory: [],
  finished: null,
  ...extra,
});

describe('pipelineFigures', () => {
  it('shows a training run from its latest step, a finished one from its result, and nothing for sequential runs', () => {
    expect(pipelineFigures([run('uniform', { policy: 'uniform' })])).toBeNull();
    const live = run('learnability@ViT-Mu/8', { pipeline: { depth: 2, learnerBusy: 0.9, scorerBusy: 0.5, queueFill: 2 } });
    expect(pipelineFigures([run('uniform', {}), live])).toEqual({
      runId: live.id,
      live: true,
      depth: 2,
      learnerBusy: 0.9,
      scorerBusy: 0.5,
      queueFill: 2,
    });
    const pipeline = {
      mode: 'pipelined' as const,
      reason: null,
      depth: 4,
      scorer: 'worker' as const,
      learnerBusy: 0.97,
      scorerBusy: 0.4,
      queueWaitMs: 10,
      scorerBlockedMs: 5,
      meanQueueFill: 3.5,
    };
    const finished = run('easy@ViT-Mu/8', { finished: { pipeline } as RunResult });
    expect(pipelineFigures([live, finished])).toMatchObject({ runId: finished.id, live: false, depth: 4, queueFill: 3.5 });
    const sequential = run('hard', { finished: { pipeline: { ...pipeline, mode: 'sequential' } } as RunResult });
    expect(pipelineFigures([sequential])).toBeNull();
  });
});
