import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../config/experimentConfig';
import { PRESETS } from '../config/presets';
import { validateConfig } from '../config/validateConfig';
import { buildSyntheticDataset } from '../data/syntheticDataset';
import type { RunResult } from '../experiment/resultTypes';
import { runExperiment } from '../experiment/runExperiment';
import { switchToTestBackend } from '../testing/testBackend';
import { cellResult, runSweep, type SweepCellResult } from './runSweep';
import { planSweep, type SweepPlan } from './sweepGrid';
import { parseSweepSpecs } from './sweepSpec';

const validated = validateConfig(PRESETS.micro.config);
if (!validated.ok) throw new Error('micro preset invalid');
const micro: ExperimentConfig = validated.config;
const dataset = buildSyntheticDataset(micro);

function plan(raws: string[]): SweepPlan {
  const axes = parseSweepSpecs(raws);
  if (!axes.ok) throw new Error(axes.message);
  const planned = planSweep(micro, axes.value);
  if (!planned.ok) throw new Error(planned.message);
  return planned.value;
}

const withoutWall = (run: RunResult) => run.curve.map(({ wallMs: _w, ...p }) => p);

describe('runSweep (micro preset)', () => {
  beforeAll(() => switchToTestBackend('wasm'));

  it('the IID run does not depend on τ but does on ρ (what the plan shares)', async () => {
    const iid = async (c: Partial<ExperimentConfig>) =>
      (await runExperiment({ ...micro, ...c, policies: ['uniform'] }, dataset, { backend: 'wasm' })).runs[0]!;
    const [t0, t1, r15] = [await iid({ temperature: 0 }), await iid({ temperature: 1 }), await iid({ filterRatio: 1.5 })];
    expect(withoutWall(t1)).toEqual(withoutWall(t0));
    expect(t1.final.flops).toBe(t0.final.flops);
    expect(withoutWall(r15)).not.toEqual(withoutWall(t0));
  });

  it('a cell on a shared IID run and reference measures what it measures alone', async () => {
    const p = plan(['tau=0,0.3']);
    const baselines: RunResult[] = [];
    const result = await runSweep(p, dataset, { backend: 'wasm', onCell: (_c, b) => void baselines.push(b) });
    expect(result.cells.map((c) => c.id)).toEqual(['tau=0', 'tau=0.3']);
    expect(result.stopped).toBe(false);
    expect(baselines[1]).toBe(baselines[0]);
    const shared = p.cells[1]!;
    const alone = cellResult(shared, await runExperiment(shared.config, dataset, { backend: 'wasm' }), p.policy);
    expect(result.cells[1]).toEqual(alone);
    expect(result.cells.some((c) => c.learnerSaving !== null)).toBe(true);
    expect(result.sharedBaselines).toEqual([{ id: 'iid-1', cellIds: ['tau=0', 'tau=0.3'], sharedAcross: ['tau'] }]);

    // Resume: the finished cell is kept, not rerun; the stored IID run is reused.
    const started: string[] = [];
    const resumed = await runSweep(p, dataset, {
      backend: 'wasm',
      resume: { cells: [result.cells[0]!], baselines: { 'iid-1': baselines[0]! } },
      onCellStart: (cell) => void started.push(cell.id),
    });
    expect(started).toEqual(['tau=0.3']);
    expect(resumed.cells).toEqual(result.cells);
  }, 120_000);

  it('stops between cells when asked, keeping the finished ones', async () => {
    const p = plan(['steps=10,20']); // both below the base budget
    const finished: SweepCellResult[] = [];
    const result = await runSweep(p, dataset, {
      backend: 'wasm',
      onCell: (c) => void finished.push(c),
      shouldStop: () => finished.length > 0,
    });
    expect(result.stopped).toBe(true);
    expect(result.cells.map((c) => c.id)).toEqual(['steps=10']);
    expect(result.cells[0]!.steps).toBe(10);
  });
});
