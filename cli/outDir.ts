import { lstat, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './parseArgs';

/** The files the runner writes into `--out`. */
export const OUT_FILES = ['result.json', 'curves.csv'] as const;

const CHOOSE = 'choose a folder you can write to (it is created if missing), e.g. --out results';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

function reason(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOENT':
      return 'the system does not allow new files there';
    case 'ENOSPC':
      return 'no space left on the disk';
    default:
      return code;
  }
}

async function existing(path: string): Promise<{ isDirectory(): boolean } | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * `--out DIR`, checked and created before anything trains: the folder is made (parents included)
 * and a probe file is written and removed, so a bad path fails in a second with exit 2 instead of
 * after the whole run. Folders are made one level at a time (Node's recursive mkdir loops forever
 * under /proc). Returns the folder; throws UsageError naming --out and what to do.
 */
export async function prepareOutDir(out: string, files: readonly string[] = OUT_FILES): Promise<string> {
  if (out.trim() === '')
    throw new UsageError(`--out: the output folder is empty; give the folder to write ${files.join(' and ')} into, e.g. --out results`);
  const dir = resolve(out);
  const missing: string[] = [];
  let ancestor = dir;
  let found = await existing(ancestor);
  while (!found) {
    missing.unshift(ancestor);
    const parent = dirname(ancestor);
    if (parent === ancestor) break;
    ancestor = parent;
    found = await existing(ancestor);
  }
  if (found && !found.isDirectory()) throw new UsageError(`--out ${out}: ${ancestor} is a file, not a folder; ${CHOOSE}`);
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      if (codeOf(error) !== 'EEXIST')
        throw new UsageError(`--out ${out}: cannot create the folder ${path} (${reason(codeOf(error))}); ${CHOOSE}`);
    }
  }
  for (const name of files) {
    const info = await lstat(join(dir, name)).catch(() => null);
    if (info && !info.isFile())
      throw new UsageError(`--out ${out}: ${join(dir, name)} exists and is not a plain file; remove it or ${CHOOSE}`);
  }
  const probe = join(dir, `.lab-write-check-${process.pid}`);
  try {
    await writeFile(probe, 'ok', { flag: 'wx' });
  } catch (error) {
    throw new UsageError(`--out ${out}: cannot write in ${dir} (${reason(codeOf(error))}); ${CHOOSE}`);
  }
  await unlink(probe).catch(() => undefined);
  return dir;
}
