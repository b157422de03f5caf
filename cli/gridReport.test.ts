import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/core/config/experimentConfig';
import type { SweepCellResult, SweepResult } from '../src/core/sweep/runSweep';
import { gridTable } from './gridReport';

const cell = (steps: number, learnerSaving: number | null): SweepCellResult => ({
  id: `steps=${steps}`,
  values: { steps },
  baselineId: `iid-${steps}`,
  policy: 'learnability',
  scorer: 'ViT-Mu/8',
  steps,
  targetAccuracy: 0.5,
  learnerSaving,
  computeSaving: learnerSaving === null ? null : learnerSaving - 0.25,
  computeSavingWithPretraining: null,
  stepsToTarget: null,
  iidStepsToTarget: steps,
  finalAccuracy: 0.5,
  iidFinalAccuracy: 0.5,
});

describe('grid table', () => {
  it('lays a one-axis steps sweep out as the budget-scaling table', () => {
    const result: SweepResult = {
      version: 1,
      base: DEFAULT_CONFIG,
      axes: [{ key: 'steps', field: 'steps', values: [200, 400] }],
      policy: 'learnability',
      backend: 'wasm',
      cells: [cell(200, 0.5), cell(400, null)],
      sharedBaselines: [],
      sharing: '',
      stopped: false,
    };
    const lines = gridTable(result).split('\n');
    expect(lines[0]).toBe('learnability vs IID');
    expect(lines[1]!.split(/ {2,}/)).toEqual([
      'steps',
      'IID budget',
      'a*',
      'learner saving',
      'compute saving',
      'with pretraining',
      'IID run',
    ]);
    expect(lines[2]!.split(/ {2,}/)).toEqual(['200', '200 steps', '50.0%', '50.0%', '25.0%', '—', 'iid-200']);
    expect(lines[3]!.split(/ {2,}/)).toEqual(['400', '400 steps', '50.0%', '—', '—', '—', 'iid-400']);
  });
});
