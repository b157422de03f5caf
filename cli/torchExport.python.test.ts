import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../src/core/experiment/resultTypes';
import { findPythonWithTorch } from './pythonWithTorch';
import { exportTorchProject, runLab, trainTorchProject } from './torchProject';

/**
 * The exported PyTorch project end to end (docs/pytorch-export.md): export the micro preset, run
 * train.py, import its result.json through the lab's schema check; compare its curves with the lab's
 * own run; two gloo processes against one. Skipped, saying so, where no python imports torch.
 */
const python = findPythonWithTorch();
if (!python)
  console.warn('torchExport.python.test: SKIPPED — no python3 on PATH (or $PYTHON) imports torch; Debian: apt-get install python3-torch');
const run = promisify(execFile);
const MICRO = ['--preset', 'micro', '--policies', 'uniform,learnability,hard'];

/** The largest gap between two runs' test-accuracy curves, and between their train-loss curves. */
function curveGap(a: ExperimentResult, b: ExperimentResult): { accuracy: number; loss: number } {
  let accuracy = 0;
  let loss = 0;
  a.runs.forEach((run, r) =>
    run.curve.forEach((p, i) => {
      const q = b.runs[r]!.curve[i]!;
      accuracy = Math.max(accuracy, Math.abs(p.testAccuracy - q.testAccuracy));
      if (p.trainLoss !== null && q.trainLoss !== null) loss = Math.max(loss, Math.abs(p.trainLoss - q.trainLoss));
    }),
  );
  return { accuracy, loss };
}

describe.skipIf(!python)('exported PyTorch project (python with torch)', () => {
  let dir: string;
  let torch: ExperimentResult;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'torch-project-'));
    await exportTorchProject(MICRO, join(dir, 'micro'));
    torch = await trainTorchProject(python!, join(dir, 'micro'), { extra: ['--trace', join(dir, 'trace-1.json')] });
  }, 300_000);

  it('writes a result.json the lab imports, with every run, curve and comparison', () => {
    expect(torch.runs.map((r) => r.id)).toEqual(['uniform', 'learnability@ViT-Mu/8', 'hard']);
    expect(torch.backend).toMatch(/^pytorch /);
    expect(torch.comparisons.map((c) => c.policy)).toEqual(['learnability', 'hard']);
    for (const r of torch.runs) expect(r.curve.map((p) => p.step)).toEqual([0, 10, 20, 30, 40]);
  });

  it("reproduces the lab's own run: same seed, same curves (a different seed is the control)", async () => {
    const lab = await runLab(MICRO, join(dir, 'lab'));
    await exportTorchProject([...MICRO, '--seed', '1'], join(dir, 'seed1'));
    const otherSeed = await trainTorchProject(python!, join(dir, 'seed1'));
    const same = curveGap(lab, torch);
    const control = curveGap(lab, otherSeed);
    console.log(
      `torch vs lab, micro: max |Δ accuracy| ${same.accuracy.toFixed(4)}, |Δ loss| ${same.loss.toFixed(5)}; other seed ${control.accuracy.toFixed(4)}, ${control.loss.toFixed(5)}`,
    );
    // The same seed draws the same data, weights, order and Gumbel noise: only float rounding differs.
    expect(same.loss).toBeLessThan(control.loss / 10);
    expect(same.accuracy).toBeLessThan(control.accuracy);
    expect(lab.runs.map((r) => r.final.flops)).toEqual(torch.runs.map((r) => r.final.flops));
  }, 300_000);

  it('two gloo processes pick what one process picks: global Gumbel-top-k over gathered scores, learner under DDP', async () => {
    const two = await trainTorchProject(python!, join(dir, 'micro'), {
      extra: ['--nproc', '2', '--backend', 'gloo', '--trace', join(dir, 'trace-2.json')],
      out: join(dir, 'result-2.json'),
    });
    expect(two.backend).toMatch(/x2 ranks/);
    const one = JSON.parse(await readFile(join(dir, 'trace-1.json'), 'utf8')) as Record<string, number[][]>;
    const many = JSON.parse(await readFile(join(dir, 'trace-2.json'), 'utf8')) as Record<string, number[][]>;
    for (const [runId, picks] of Object.entries(one)) {
      const same = picks.filter((p, step) => [...p].sort().join() === [...many[runId]![step]!].sort().join()).length;
      console.log(`gloo x2 vs one process, ${runId}: ${same}/${picks.length} steps picked the same sub-batch`);
      expect(same).toBe(picks.length);
    }
    expect(curveGap(torch, two).loss).toBeLessThan(1e-4);
  }, 300_000);

  it('train.py refuses a bad config or data header, naming the field and what is allowed (exit 2)', async () => {
    const config = JSON.parse(await readFile(join(dir, 'micro', 'config.json'), 'utf8')) as Record<string, unknown>;
    const fails = async (what: string, file: string, text: string, extra: string[] = []) => {
      const folder = join(dir, what);
      await cp(join(dir, 'micro'), folder, { recursive: true });
      await writeFile(join(folder, file), text);
      const error = (await run(python!, [join(folder, 'train.py'), ...extra]).then(
        () => null,
        (e: unknown) => e,
      )) as { code: number; stderr: string } | null;
      expect(error?.code).toBe(2);
      return error!.stderr;
    };
    expect(await fails('steps', 'config.json', JSON.stringify({ ...config, steps: 0 }))).toMatch(
      /config\.json: steps: 0 is not allowed; expected an integer from 1 to 100000/,
    );
    expect(await fails('unknown', 'config.json', JSON.stringify({ ...config, colour: 'red' }))).toMatch(/colour: unknown setting/);
    const header = JSON.parse(await readFile(join(dir, 'micro', 'data', 'header.json'), 'utf8')) as Record<string, unknown>;
    expect(await fails('header', 'data/header.json', JSON.stringify({ ...header, numClasses: 1 }))).toMatch(
      /data\/header\.json: numClasses: 1 is not allowed; expected an integer from 2 to 1000/,
    );
    expect(await fails('ranks', 'config.json', JSON.stringify({ ...config, batchSize: 15 }), ['--nproc', '2'])).toMatch(
      /batchSize: 15 is not a multiple of the 2 ranks/,
    );
  }, 300_000);
});
