import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Comparison, ExperimentResult, RunResult } from '../src/core/experiment/resultTypes';

/** One `npm run lab` invocation of a science suite: a key for its result and the CLI flags after the preset. */
export interface ScienceJob {
  key: string;
  args: string[];
  /** Another preset for this job than the suite's (each flag may be given once). */
  preset?: string;
}

const run = promisify(execFile);

/**
 * Runs each job as its own `tsx cli/lab.ts --preset <preset> …` process, `concurrency` at a time (one
 * per core), and returns every result.json by job key. List the longest jobs first so the workers
 * finish together.
 */
export async function runScienceJobs(
  preset: string,
  jobs: readonly ScienceJob[],
  concurrency: number,
): Promise<Map<string, ExperimentResult>> {
  const root = await mkdtemp(join(tmpdir(), `science-${preset}-`));
  const results = new Map<string, ExperimentResult>();
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const out = join(root, job.key);
        const started = performance.now();
        await run(
          join('node_modules', '.bin', 'tsx'),
          ['cli/lab.ts', '--preset', job.preset ?? preset, ...job.args, '--out', out, '--quiet'],
          { maxBuffer: 1 << 24 },
        );
        results.set(job.key, JSON.parse(await readFile(join(out, 'result.json'), 'utf8')) as ExperimentResult);
        console.log(
          `science (${preset}): ${job.key} done in ${((performance.now() - started) / 1000).toFixed(0)}s (${results.size}/${jobs.length})`,
        );
      }
    }),
  );
  return results;
}

/** Median with "not reached" (null) ranked below every saving. */
export function median(values: readonly (number | null)[]): number {
  const sorted = values.map((v) => (v === null ? Number.NEGATIVE_INFINITY : v)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Corrupted share of everything a run trained on (steps are equal between evaluations). */
export function noisyShare(r: RunResult): number {
  const pts = r.curve.filter((p) => p.noisySelectedFraction !== null);
  return pts.reduce((s, p) => s + (p.noisySelectedFraction as number), 0) / pts.length;
}

export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The run of `policy` (on `scorer`, if given) in job `key`'s result; throws naming what is missing. */
export function runIn(results: ReadonlyMap<string, ExperimentResult>, key: string, policy: string, scorer?: string): RunResult {
  const r = results.get(key)?.runs.find((x) => x.policy === policy && (scorer === undefined || x.scorer === scorer));
  if (!r) throw new Error(`no ${policy}${scorer ? `@${scorer}` : ''} run in ${key}`);
  return r;
}

/** The comparison of `policy` (on `scorer`, if given) with IID in job `key`'s result; throws naming what is missing. */
export function comparisonIn(results: ReadonlyMap<string, ExperimentResult>, key: string, policy: string, scorer?: string): Comparison {
  const c = results.get(key)?.comparisons.find((x) => x.policy === policy && (scorer === undefined || x.scorer === scorer));
  if (!c) throw new Error(`no ${policy}${scorer ? `@${scorer}` : ''} comparison in ${key}`);
  return c;
}

/** Per-seed savings for a log line: "26.2% / n.r. / 37.0%". */
export const perSeed = (values: readonly (number | null)[]): string => values.map((v) => (v === null ? 'n.r.' : pct(v))).join(' / ');
