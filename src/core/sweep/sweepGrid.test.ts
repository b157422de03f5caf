import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/experimentConfig';
import { planSweep, sharingNote, type SweepPlan } from './sweepGrid';
import { parseSweepSpecs } from './sweepSpec';

const base: ExperimentConfig = { ...DEFAULT_CONFIG, policies: ['uniform', 'learnability', 'hard'] };

function plan(raws: string[], config: ExperimentConfig = base): SweepPlan {
  const axes = parseSweepSpecs(raws);
  if (!axes.ok) throw new Error(axes.message);
  const planned = planSweep(config, axes.value);
  if (!planned.ok) throw new Error(planned.message);
  return planned.value;
}

describe('sweep grid', () => {
  it('expands every combination, first axis slowest, each cell a full config with the first active policy against IID', () => {
    const p = plan(['tau=0,1', 'rho=1.5,2,4']);
    expect(p.policy).toBe('learnability');
    expect(p.cells.map((c) => c.id)).toEqual([
      'rho=1.5 tau=0',
      'rho=1.5 tau=1',
      'rho=2 tau=0',
      'rho=2 tau=1',
      'rho=4 tau=0',
      'rho=4 tau=1',
    ]);
    const cell = p.cells[3]!;
    expect(cell.config).toEqual({ ...base, filterRatio: 2, temperature: 1, policies: ['uniform', 'learnability'] });
    expect(cell.values).toEqual({ rho: 2, tau: 1 });
  });

  it('shares one IID run among cells differing only in τ, none across ρ', () => {
    const p = plan(['rho=1.5,2', 'tau=0,0.1,1']);
    expect(p.sharedBaselines).toEqual([
      { id: 'iid-1', cellIds: ['rho=1.5 tau=0', 'rho=1.5 tau=0.1', 'rho=1.5 tau=1'], sharedAcross: ['tau'] },
      { id: 'iid-2', cellIds: ['rho=2 tau=0', 'rho=2 tau=0.1', 'rho=2 tau=1'], sharedAcross: ['tau'] },
    ]);
    expect(p.cells.map((c) => c.baselineId)).toEqual(['iid-1', 'iid-1', 'iid-1', 'iid-2', 'iid-2', 'iid-2']);
    expect(sharingNote(p)).toContain('2 IID runs for 6 cells: cells differing only in tau share one IID run');
  });

  it('gives each step budget its own IID run, and shares across scorers', () => {
    const steps = plan(['steps=100,200,400']);
    expect(steps.sharedBaselines.map((b) => b.cellIds)).toEqual([['steps=100'], ['steps=200'], ['steps=400']]);
    expect(sharingNote(steps)).toContain('no two cells share an IID run');
    const scorers = plan(['steps=100,200', 'scorer=ViT-Mi/4,ViT-Mu/8']);
    expect(scorers.sharedBaselines.map((b) => [b.cellIds.length, b.sharedAcross])).toEqual([
      [2, ['scorer']],
      [2, ['scorer']],
    ]);
  });

  it('refuses a cell whose whole config is invalid, and a sweep with no active policy', () => {
    const axes = parseSweepSpecs(['rho=1.5,2.1']);
    if (!axes.ok) throw new Error(axes.message);
    const bad = planSweep({ ...base, batchSize: 64 }, axes.value);
    expect(bad.ok || bad.message).toBe(
      'sweep: cell rho=2.1: filterRatio: 2.1 × batchSize 64 = 134.4 is not a whole super-batch; choose ρ so that b·ρ is an integer',
    );
    const iidOnly = planSweep({ ...base, policies: ['uniform'] }, axes.value);
    expect(iidOnly.ok || iidOnly.message).toContain('sweep: policies lists only uniform');
  });
});
