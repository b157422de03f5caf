import { describe, expect, it } from 'vitest';
import { formatFlopTick, formatSaving, niceAxis, percentAxis } from './formatters';

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

describe('niceAxis', () => {
  it('rounds any range out to 1, 2, 2.5 or 5 × 10^k ticks, at most 7', () => {
    expect(niceAxis(0, 400)).toEqual({ domain: [0, 400], ticks: [0, 100, 200, 300, 400] });
    expect(niceAxis(0, 40)).toEqual({ domain: [0, 40], ticks: [0, 10, 20, 30, 40] });
    expect(niceAxis(0, 3.7e12)).toEqual({ domain: [0, 4e12], ticks: [0, 1e12, 2e12, 3e12, 4e12] });
    expect(niceAxis(0.8, 2.3)).toEqual({ domain: [0.5, 2.5], ticks: [0.5, 1, 1.5, 2, 2.5] });
    for (const [lo, hi] of [
      [0, 1],
      [0, 7],
      [0, 13],
      [0, 999],
      [-3, 17],
      [1e-3, 9e-3],
      [0, 1.2e15],
    ] as const) {
      const { domain, ticks } = niceAxis(lo, hi);
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(domain[0]).toBeLessThanOrEqual(lo);
      expect(domain[1]).toBeGreaterThanOrEqual(hi);
      expect(ticks[0]).toBe(domain[0]);
      expect(ticks.at(-1)).toBe(domain[1]);
    }
  });

  it('keeps to a smaller tick budget when asked', () => {
    expect(niceAxis(0, 250e6, 5)).toEqual({ domain: [0, 300e6], ticks: [0, 100e6, 200e6, 300e6] });
    for (const hi of [7, 13, 999, 3.7e12]) expect(niceAxis(0, hi, 4).ticks.length).toBeLessThanOrEqual(4);
  });

  it('gives an empty or flat range a visible axis', () => {
    expect(niceAxis(0, 0).ticks.length).toBeGreaterThan(1);
    expect(niceAxis(5, 5).domain[1]).toBeGreaterThan(5);
  });
});
