import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = join('node_modules', '.bin', 'tsx');

interface Timing {
  firstMs: number;
  secondMs: number;
  accuraciesEqual: boolean;
}

/** One fresh process: the micro preset's IID run twice (cli/warmUpTiming.ts). */
async function timing(...flags: string[]): Promise<Timing> {
  const { stdout } = await run(tsx, ['cli/warmUpTiming.ts', ...flags]);
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as Timing;
}

const gap = (t: Timing) => t.firstMs / t.secondMs - 1;
const shown = (t: Timing) => `${t.firstMs.toFixed(0)} vs ${t.secondMs.toFixed(0)} ms`;

describe('wall-clock fairness: the warm-up before the first run', () => {
  it('two identical uniform runs after the warm-up report wall times within 10%', async () => {
    // Each try is a fresh process (a warm JIT cannot be made cold again, so an in-process retry would
    // pass without any warm-up); the machine is shared, so a try may be disturbed: best of three.
    // Measured (load ~11 on 2 cores): 640 vs 634, 1053 vs 898, 730 vs 764 ms.
    const tries: Timing[] = [];
    for (let i = 0; i < 3 && !tries.some((t) => Math.abs(gap(t)) < 0.1); i++) tries.push(await timing());
    expect(tries.every((t) => t.accuraciesEqual)).toBe(true);
    expect(Math.min(...tries.map((t) => Math.abs(gap(t)))), tries.map(shown).join('; ')).toBeLessThan(0.1);
  }, 180_000);

  it('control: without the warm-up the first run is measurably slower (the check above can fail)', async () => {
    // Measured: 1259 vs 743, 1345 vs 733, 1322 vs 781 ms (the first run pays 70–80% more); best of two.
    const tries: Timing[] = [];
    for (let i = 0; i < 2 && !tries.some((t) => gap(t) > 0.2); i++) tries.push(await timing('--no-warm-up'));
    expect(Math.max(...tries.map(gap)), tries.map(shown).join('; ')).toBeGreaterThan(0.2);
  }, 120_000);
});
