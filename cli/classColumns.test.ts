import { describe, expect, it } from 'vitest';
import { flops } from '../src/core/accounting/units';
import type { CurvePoint, ExperimentResult } from '../src/core/experiment/resultTypes';
import { SAMPLE_RESULT } from '../src/features/runs/sampleResult.fixture';
import { finalTable } from './report';

const point = (step: number, extra: Partial<CurvePoint>): CurvePoint => ({
  step,
  testAccuracy: 0.5,
  trainLoss: null,
  flops: flops(0),
  wallMs: 0,
  noisySelectedFraction: null,
  ...extra,
});

describe('final table: per-class columns', () => {
  it('adds worst class (with its name) and hard-class share of picks when the result has per-class data', () => {
    const curve = [
      point(0, { classAccuracy: [0, 0], worstClassAccuracy: 0 }),
      point(10, { trueClassPickShare: [0.75, 0.25], classAccuracy: [0.9, 0.4], worstClassAccuracy: 0.4 }),
    ];
    const result: ExperimentResult = {
      ...SAMPLE_RESULT,
      classNames: ['easy one', 'hard one'],
      hardClasses: [1],
      runs: SAMPLE_RESULT.runs.map((r) => ({ ...r, curve })),
    };
    const [header, first] = finalTable(result).split('\n');
    expect(header).toMatch(/worst class\s+hard-class picks\s*$/);
    expect(first).toMatch(/40\.0% hard one\s+25\.0%\s*$/);
  });

  it('leaves the table of a result without per-class data (old record) as it was', () => {
    expect(finalTable(SAMPLE_RESULT)).not.toContain('worst class');
  });
});
