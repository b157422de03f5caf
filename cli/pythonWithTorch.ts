import { execFileSync } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { PeerStep } from '../src/core/bench/runBench';

/**
 * The pythons to try for the PyTorch peer, in order: `PYTHON` alone when it is set (the user chose),
 * otherwise every python3 on PATH, first first, each real file once.
 */
export function pythonCandidates(
  env: { PYTHON?: string | undefined; PATH?: string | undefined },
  isExecutable: (path: string) => string | null,
): string[] {
  if (env.PYTHON && env.PYTHON.trim() !== '') return [env.PYTHON.trim()];
  const seen = new Set<string>();
  const found: string[] = [];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const path = join(dir, 'python3');
    const real = isExecutable(path);
    if (real === null || seen.has(real)) continue;
    seen.add(real);
    found.push(path);
  }
  return found;
}

/** The real path of an executable file, or null. */
export function executableRealPath(path: string): string | null {
  try {
    accessSync(path, constants.X_OK);
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** The first candidate python that imports torch, or null. */
export function findPythonWithTorch(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const python of pythonCandidates(env, executableRealPath)) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
      return python;
    } catch {
      // No torch here (or not a python): try the next one.
    }
  }
  return null;
}

/** Parses cli/torchPeer.py's one line of JSON: {"ms": …, "torch": "1.13.1", "threads": 1}. */
export function parsePeerOutput(out: string): PeerStep | null {
  try {
    const parsed = JSON.parse(out.trim()) as { ms?: unknown; torch?: unknown; threads?: unknown };
    const { ms, torch, threads } = parsed;
    if (typeof ms !== 'number' || !(ms > 0) || typeof torch !== 'string' || typeof threads !== 'number') return null;
    return { ms, framework: `PyTorch ${torch}`, threads };
  } catch {
    return null;
  }
}
