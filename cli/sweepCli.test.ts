import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MAX_GRID_CELLS } from '../src/core/sweep/sweepSpec';

const run = promisify(execFile);
const tsx = join('node_modules', '.bin', 'tsx');
type Failure = { code: number; stderr: string };

describe('npm run lab -- --sweep (process)', () => {
  it.each([
    [
      ['--sweep', 'gamma=1,2'],
      'lab: sweep: "gamma=1,2" is not a sweep; expected KEY=V1,V2,… with KEY one of rho (filterRatio), tau (temperature), steps, scorer',
    ],
    [['--sweep', 'tau=0,200'], 'lab: sweep: tau (temperature): "200" is not allowed; expected a number from 0 to 100'],
    [
      ['--sweep', `steps=${Array.from({ length: MAX_GRID_CELLS + 1 }, (_, i) => i + 1).join(',')}`],
      `cells; at most ${MAX_GRID_CELLS} are allowed`,
    ],
    [['--sweep', 'rho=1.5', '--policies', 'uniform'], 'lab: sweep: policies lists only uniform'],
  ])('exits 2 on %j, naming the key and what is allowed', async (args, message) => {
    const failure = (await run(tsx, ['cli/lab.ts', '--preset', 'micro', ...args]).catch((e: Failure) => e)) as Failure;
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain(message);
    expect(failure.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('runs a 2 × 2 micro grid: a line per cell, the ρ × τ table, grid.json and grid.csv', async () => {
    const out = await mkdtemp(join(tmpdir(), 'lab-grid-'));
    const args = ['cli/lab.ts', '--preset', 'micro', '--steps', '20', '--sweep', 'tau=0,1', '--sweep', 'rho=1.5,2', '--out', out];
    const { stdout, stderr } = await run(tsx, args);
    expect(stderr).toContain('2 IID runs for 4 cells: cells differing only in tau share one IID run');
    expect(stderr.match(/^cell \d\/4 {2}rho=\S+ tau=\S+ +learner saving/gm)).toHaveLength(4);
    expect(stdout).toContain('learnability vs IID — learner saving / compute saving');
    expect(stdout).toMatch(/ρ \\ τ +τ=0 +τ=1\nρ=1\.5 .*\nρ=2 /);
    const grid = JSON.parse(await readFile(join(out, 'grid.json'), 'utf8'));
    expect(grid.cells.map((c: { id: string; baselineId: string }) => `${c.id}:${c.baselineId}`)).toEqual([
      'rho=1.5 tau=0:iid-1',
      'rho=1.5 tau=1:iid-1',
      'rho=2 tau=0:iid-2',
      'rho=2 tau=1:iid-2',
    ]);
    expect(grid.sharedBaselines[0]).toEqual({ id: 'iid-1', cellIds: ['rho=1.5 tau=0', 'rho=1.5 tau=1'], sharedAcross: ['tau'] });
    expect(grid.base.steps).toBe(20);
    const csv = (await readFile(join(out, 'grid.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv[0]!.startsWith('cell,rho,tau,baselineId,')).toBe(true);
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'rho=1.5 tau=0,1.5,0,iid-1',
      'rho=1.5 tau=1,1.5,1,iid-1',
      'rho=2 tau=0,2,0,iid-2',
      'rho=2 tau=1,2,1,iid-2',
    ]);
  }, 120_000);
});
