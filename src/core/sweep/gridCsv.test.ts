import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { csvCell } from '../experiment/curvesCsv';
import { gridCsv } from './gridCsv';
import type { SweepCellResult, SweepResult } from './runSweep';

const cell = (over: Partial<SweepCellResult>): SweepCellResult => ({
  id: 'rho=2 tau=0',
  values: { rho: 2, tau: 0 },
  baselineId: 'iid-1',
  policy: 'learnability',
  scorer: 'ViT-Mu/8',
  steps: 40,
  targetAccuracy: 0.25,
  learnerSaving: 0.5,
  computeSaving: 0.4,
  computeSavingWithPretraining: 0.3,
  stepsToTarget: 20,
  iidStepsToTarget: 40,
  finalAccuracy: 0.3,
  iidFinalAccuracy: 0.26,
  ...over,
});

const result = (cells: SweepCellResult[]): SweepResult => ({
  version: 1,
  base: DEFAULT_CONFIG,
  axes: [
    { key: 'rho', field: 'filterRatio', values: [2] },
    { key: 'tau', field: 'temperature', values: [0, 1] },
  ],
  policy: 'learnability',
  backend: 'wasm',
  cells,
  sharedBaselines: [],
  sharing: '',
  stopped: false,
});

describe('grid.csv', () => {
  it('writes a header with one column per sweep key, one row per cell, empty for null', () => {
    const lines = gridCsv(result([cell({}), cell({ id: 'rho=2 tau=1', values: { rho: 2, tau: 1 }, learnerSaving: null })]))
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(
      'cell,rho,tau,baselineId,policy,scorer,steps,targetAccuracy,learnerSaving,computeSaving,computeSavingWithPretraining,stepsToTarget,iidStepsToTarget,finalAccuracy,iidFinalAccuracy,failure',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('rho=2 tau=0,2,0,iid-1,learnability,ViT-Mu/8,40,0.25,0.5,0.4,0.3,20,40,0.3,0.26,');
    expect(lines[2]!.split(',')[8]).toBe('');
  });

  it('defuses and quotes text cells the way curves.csv does', () => {
    const failure = '=HYPERLINK("http://x"),diverged';
    const line = gridCsv(result([cell({ failure })]))
      .trimEnd()
      .split('\n')[1]!;
    expect(line.endsWith(`,${csvCell(failure)}`)).toBe(true);
    expect(csvCell(failure)).toBe(`"'=HYPERLINK(""http://x""),diverged"`);
  });
});
