import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './parseArgs';

const run = promisify(execFile);
const lab = (args: string[]) => run(join('node_modules', '.bin', 'tsx'), ['cli/lab.ts', ...args], { maxBuffer: 1 << 24 });

describe('--export-torch', () => {
  it('is parsed as a folder; an empty one or a grid sweep is refused, naming the flag', () => {
    expect(parseArgs(['--export-torch', 'run1']).exportTorch).toBe('run1');
    expect(parseArgs([]).exportTorch).toBeNull();
    expect(() => parseArgs(['--export-torch', ' '])).toThrow(/--export-torch: the folder is empty/);
    expect(() => parseArgs(['--export-torch', 'x', '--sweep', 'rho=1.5,2'])).toThrow(/--export-torch exports one experiment/);
    expect(() => parseArgs(['--export-torch'])).toThrow(/--export-torch needs a value/);
  });

  it('writes the folder and exits without training', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'torch-export-')), 'nested', 'run');
    const { stdout } = await lab(['--preset', 'micro', '--export-torch', out]);
    expect(stdout).toMatch(/wrote \d+ files .* run: python3 .*train\.py/);
    expect((await readdir(out)).sort()).toEqual(['README.md', 'config.json', 'data', 'learnability_torch', 'schema.json', 'train.py']);
    expect(await readdir(out)).not.toContain('result.json'); // nothing trained
    const config = JSON.parse(await readFile(join(out, 'config.json'), 'utf8')) as { steps: number; learner: string };
    expect(config).toMatchObject({ steps: 40, learner: 'ViT-Mi/4' });
  });

  it('exits 2 with a message naming the flag: a path under a file, an image–caption dataset, a scorer sweep', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'torch-export-bad-'));
    await writeFile(join(dir, 'file'), 'x');
    const fails = async (args: string[]) => {
      const error = (await lab(args).then(
        () => null,
        (e: unknown) => e,
      )) as { code: number; stderr: string } | null;
      expect(error?.code).toBe(2);
      return error!.stderr;
    };
    expect(await fails(['--preset', 'micro', '--export-torch', join(dir, 'file', 'sub')])).toMatch(
      /--export-torch .* is a file, not a folder/,
    );
    expect(await fails(['--preset', 'activeclip-noisy', '--export-torch', join(dir, 'clip')])).toMatch(
      /--export-torch: dataset: captioned-shapes .* allowed: synthetic, mnist, fashion-mnist, custom/,
    );
    expect(await fails(['--preset', 'micro', '--sweep', 'scorer=ViT-Mu/8,ViT-Mu/4', '--export-torch', join(dir, 'ladder')])).toMatch(
      /--export-torch exports one scorer/,
    );
  });
});
