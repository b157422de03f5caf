import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import { perClassTallyMs } from './perClassCost';

describe('per-class tally cost', () => {
  it('is microseconds per step at b = 64 (a learnability step takes milliseconds)', () => {
    const d = buildSyntheticDataset({ ...DEFAULT_CONFIG, trainSize: 1000, heldOutSize: 10, testSize: 10 });
    const ms = perClassTallyMs(d.train, d.numClasses, 64, 2000);
    expect(ms).toBeGreaterThan(0);
    // Generous even on a loaded CI machine: one tenth of a millisecond, about 1% of the smallest step the bench times.
    expect(ms).toBeLessThan(0.1);
  });
});
