import { describe, expect, it } from 'vitest';
import { formatFlopTick, formatSaving, percentAxis } from './formatters';

describe('formatting', () => {
  it('formats FLOP ticks compactly', () => {
    expect(formatFlopTick(0)).toBe('0');
    expect(formatFlopTick(1.2e9)).toBe('1.2 GFLOP');
    expect(formatFlopTick(8.5e8)).toBe('850 MFLOP');
    expect(formatFlopTick(2e12)).toBe('2 TFLOP');
    expect(formatFlopTick(12_000)).toBe('12 kFLOP');
  });

  it('formats savings with a sign and never turns null into 0', () => {
    expect(formatSaving(0.234)).toBe('+23.4%');
    expect(formatSaving(-0.05)).toBe('−5.0%');
    expect(formatSaving(0)).toBe('0.0%');
    expect(formatSaving(null)).toBe('not reached');
  });
});

describe('percentAxis', () => {
  it('rounds the range out to round ticks', () => {
    expect(percentAxis(10, 100)).toEqual({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] });
    expect(percentAxis(0, 34.2)).toEqual({ domain: [0, 40], ticks: [0, 10, 20, 30, 40] });
    expect(percentAxis(-10, 100)).toEqual({ domain: [-20, 100], ticks: [-20, 0, 20, 40, 60, 80, 100] });
    expect(percentAxis(0, 0)).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });
});
