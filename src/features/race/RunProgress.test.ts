import { describe, expect, it } from 'vitest';
import { formatDuration, runStatusText } from './RunProgress';

describe('run progress text', () => {
  it('formats ETAs', () => {
    expect(formatDuration(80_000)).toBe('1m 20s');
    expect(formatDuration(3_900_000)).toBe('1h 5m');
    expect(formatDuration(12_400)).toBe('12s');
    expect(formatDuration(200)).toBe('<1s');
  });

  it('says done, stopped or the ETA', () => {
    expect(runStatusText({ finished: null, etaMs: null })).toBe('ETA …');
    expect(runStatusText({ finished: null, etaMs: 80_000 })).toBe('ETA 1m 20s');
  });
});
