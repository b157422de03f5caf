import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareOutDir } from './outDir';

const CHOOSE = 'choose a folder you can write to (it is created if missing), e.g. --out results';
const isRoot = process.getuid?.() === 0;

describe('prepareOutDir (--out, checked before training)', () => {
  it('creates missing folders, parents included, and leaves no probe file behind', async () => {
    const base = await mkdtemp(join(tmpdir(), 'out-'));
    const dir = await prepareOutDir(join(base, 'a', 'b'));
    expect(dir).toBe(join(base, 'a', 'b'));
    expect(await readdir(dir)).toEqual([]);
    expect(await prepareOutDir(dir)).toBe(dir);
  });

  it('refuses an empty path', async () => {
    for (const out of ['', '  ']) {
      await expect(prepareOutDir(out)).rejects.toThrow(
        '--out: the output folder is empty; give the folder to write result.json and curves.csv into, e.g. --out results',
      );
    }
  });

  it('refuses a path whose parent is a file, and a file itself', async () => {
    const base = await mkdtemp(join(tmpdir(), 'out-'));
    const file = join(base, 'f');
    await writeFile(file, 'x');
    await expect(prepareOutDir(join(file, 'run'))).rejects.toThrow(
      `--out ${join(file, 'run')}: ${file} is a file, not a folder; ${CHOOSE}`,
    );
    await expect(prepareOutDir(file)).rejects.toThrow(`--out ${file}: ${file} is a file, not a folder; ${CHOOSE}`);
  });

  it('refuses a folder whose result.json is not a plain file', async () => {
    const base = await mkdtemp(join(tmpdir(), 'out-'));
    await mkdir(join(base, 'result.json'));
    await expect(prepareOutDir(base)).rejects.toThrow(
      `--out ${base}: ${join(base, 'result.json')} exists and is not a plain file; remove it or ${CHOOSE}`,
    );
  });

  // Node's recursive mkdir loops forever on a missing folder under /proc; this one must answer.
  it.runIf(existsSync('/proc/self'))('refuses paths under /proc at once', async () => {
    await expect(prepareOutDir('/proc/lab-out/run')).rejects.toThrow(
      `--out /proc/lab-out/run: cannot create the folder /proc/lab-out (the system does not allow new files there); ${CHOOSE}`,
    );
    await expect(prepareOutDir('/proc')).rejects.toThrow(
      `--out /proc: cannot write in /proc (the system does not allow new files there); ${CHOOSE}`,
    );
  });

  it.runIf(existsSync('/sys/kernel'))('refuses a folder nobody may write in (/sys)', async () => {
    await expect(prepareOutDir('/sys')).rejects.toThrow(`--out /sys: cannot write in /sys (permission denied); ${CHOOSE}`);
  });

  it.skipIf(isRoot)('refuses a folder without write permission', async () => {
    const base = await mkdtemp(join(tmpdir(), 'out-'));
    await chmod(base, 0o500);
    try {
      await expect(prepareOutDir(base)).rejects.toThrow(`--out ${base}: cannot write in ${base} (permission denied); ${CHOOSE}`);
      await expect(prepareOutDir(join(base, 'run'))).rejects.toThrow(
        `--out ${join(base, 'run')}: cannot create the folder ${join(base, 'run')} (permission denied); ${CHOOSE}`,
      );
    } finally {
      await chmod(base, 0o700);
    }
  });
});
