import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ExperimentResult } from '../src/core/experiment/resultTypes';
import { parseResultJson } from '../src/features/runs/exportImport';

const run = promisify(execFile);

/** `npm run lab -- <args> --export-torch <dir>`: the experiment as a PyTorch project. */
export async function exportTorchProject(args: readonly string[], dir: string): Promise<void> {
  await run(join('node_modules', '.bin', 'tsx'), ['cli/lab.ts', ...args, '--export-torch', dir, '--quiet'], { maxBuffer: 1 << 24 });
}

/** `npm run lab -- <args>`: the lab's own run (wasm), its result.json. */
export async function runLab(args: readonly string[], out: string): Promise<ExperimentResult> {
  await run(join('node_modules', '.bin', 'tsx'), ['cli/lab.ts', ...args, '--out', out, '--quiet'], { maxBuffer: 1 << 24 });
  return JSON.parse(await readFile(join(out, 'result.json'), 'utf8')) as ExperimentResult;
}

/**
 * Runs an exported folder's train.py with `python` (one torch thread per process unless `threads`)
 * and reads its result.json through the lab's own import check (parseResultJson), as the Saved runs
 * import does; throws with the first schema problem.
 */
export async function trainTorchProject(
  python: string,
  dir: string,
  { extra = [], threads = 1, out = join(dir, 'result.json') }: { extra?: string[]; threads?: number; out?: string } = {},
): Promise<ExperimentResult> {
  await run(python, [join(dir, 'train.py'), '--quiet', '--threads', String(threads), '--out', out, ...extra], {
    maxBuffer: 1 << 24,
    env: { ...process.env, OMP_NUM_THREADS: String(threads) },
  });
  const parsed = parseResultJson(await readFile(out, 'utf8'));
  if (!parsed.ok) throw new Error(`${out} does not pass the lab's result schema: ${parsed.message}`);
  return parsed.result;
}
