import { describe, expect, it } from 'vitest';
import { POLICY_NAMES } from '../../core/config/experimentConfig';
import { POLICY_STYLES, formatFlopTick, formatSaving, percentAxis, runLabel, runLineStyles } from './policyColors';

describe('policy colours', () => {
  it('gives every policy its own colour, with IID grey and dashed', () => {
    const colours = POLICY_NAMES.map((p) => POLICY_STYLES[p].color);
    expect(new Set(colours).size).toBe(POLICY_NAMES.length);
    expect(POLICY_STYLES.uniform.dash).toBeDefined();
  });

  it('tells apart several runs of one policy by dash, keeping the colour', () => {
    const styles = runLineStyles([
      { id: 'uniform', policy: 'uniform' },
      { id: 'learnability@A', policy: 'learnability' },
      { id: 'learnability@B', policy: 'learnability' },
    ]);
    expect(styles.get('learnability@A')).toEqual(POLICY_STYLES.learnability);
    expect(styles.get('learnability@B')?.color).toBe(POLICY_STYLES.learnability.color);
    expect(styles.get('learnability@B')?.dash).toBeDefined();
  });

  it('labels runs like their ids', () => {
    expect(runLabel('uniform', null)).toBe('uniform');
    expect(runLabel('learnability', 'ViT-Mi/8')).toBe('learnability@ViT-Mi/8');
  });
});

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
