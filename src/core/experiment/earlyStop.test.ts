import { describe, expect, it } from 'vitest';
import { phaseRecord } from '../accounting/phases';
import { ZERO_PHASE_FLOPS } from '../accounting/stepLedger';
import { flops } from '../accounting/units';
import { divergedAtStep, readEarlyStop, stoppedByUser, unfinishedAt, upgradeSavedRun } from './earlyStop';
import type { RunResult } from './resultTypes';

const finished: RunResult = {
  id: 'uniform',
  policy: 'uniform',
  scorer: null,
  final: { testAccuracy: 0.5, steps: 10, flops: flops(100), wallMs: 1 },
  curve: [],
  phaseFlops: ZERO_PHASE_FLOPS,
  referencePretrainFlops: flops(0),
  modelFlops: { learner: flops(1), scorer: null },
  phaseWallMs: phaseRecord(() => 0),
  referenceTestAccuracy: null,
};

describe('early stops', () => {
  it('reads each sentence older records saved as its typed reason, keeping the sentence as the detail', () => {
    for (const stop of [stoppedByUser(), divergedAtStep(12), unfinishedAt(100, 400)]) {
      expect(readEarlyStop(stop.detail)).toEqual(stop);
      expect(readEarlyStop(stop)).toEqual(stop);
    }
  });

  it('rejects what no version wrote', () => {
    expect(readEarlyStop('it rained')).toBeNull();
    expect(readEarlyStop({ reason: 'bored', detail: 'x' })).toBeNull();
    expect(readEarlyStop({ reason: 'user' })).toBeNull();
    expect(readEarlyStop(3)).toBeNull();
  });

  it('upgrades a saved run in place of its text, and leaves a finished run as it was', () => {
    const old = { ...finished, stoppedEarly: 'stopped by the user' } as unknown as RunResult;
    expect(upgradeSavedRun(old)).toEqual({ ...finished, stoppedEarly: stoppedByUser() });
    expect(upgradeSavedRun(finished)).toBe(finished);
  });
});
