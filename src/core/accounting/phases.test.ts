import { describe, expect, it } from 'vitest';
import { PHASES, phaseRecord, sumPhases } from './phases';

describe('phases', () => {
  it('a phase record has one value per phase, in PHASES order', () => {
    const record = phaseRecord((phase) => phase.length);
    expect(Object.keys(record)).toEqual([...PHASES]);
    expect(record).toEqual({ learner: 7, scoring: 7, online: 6, reference: 9 });
  });

  it('sums in PHASES order, so a sum is the same number whoever adds it up', () => {
    const record = { learner: 0.1, scoring: 0.2, online: 0.3, reference: 1e-17 };
    expect(sumPhases(record)).toBe(record.learner + record.scoring + record.online + record.reference);
  });
});
