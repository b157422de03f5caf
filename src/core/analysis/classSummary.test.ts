import { describe, expect, it } from 'vitest';
import { flops } from '../accounting/units';
import type { CurvePoint } from '../experiment/resultTypes';
import { classSummary, pickShareOf } from './classSummary';

const point = (step: number, extra: Partial<CurvePoint>): CurvePoint => ({
  step,
  testAccuracy: 0.5,
  trainLoss: null,
  flops: flops(0),
  wallMs: 0,
  noisySelectedFraction: null,
  ...extra,
});

describe('classSummary (by hand)', () => {
  const curve = [
    point(0, { classAccuracy: [0.1, 0.1, 0.1], worstClassAccuracy: 0.1 }),
    point(10, {
      classPickShare: [0.9, 0, 0.1],
      trueClassPickShare: [0.5, 0.3, 0.2],
      classAccuracy: [0.6, 0.2, 0.4],
      worstClassAccuracy: 0.2,
    }),
    point(40, { classPickShare: [0, 1, 0], trueClassPickShare: [0.2, 0.4, 0.4], classAccuracy: [0.7, 0.9, 0.3], worstClassAccuracy: 0.3 }),
  ];

  it('hard-class share weights each interval by its steps and reads the true class', () => {
    expect(pickShareOf(curve[1]!, [1, 2])).toBeCloseTo(0.5, 12);
    // Intervals of 10 and 30 steps: (0.5·10 + 0.8·30) / 40 = 0.725.
    expect(classSummary({ curve }, [1, 2]).hardPickShare).toBeCloseTo(0.725, 12);
  });

  it('worst class is the last evaluation’s lowest class', () => {
    const s = classSummary({ curve }, []);
    expect(s).toEqual({ worstClassAccuracy: 0.3, worstClass: 2, hardPickShare: null });
  });

  it('a run without per-class data (old record, image–caption data) has none', () => {
    expect(classSummary({ curve: [point(0, {}), point(10, {})] }, [1])).toEqual({
      worstClassAccuracy: null,
      worstClass: null,
      hardPickShare: null,
    });
  });
});
