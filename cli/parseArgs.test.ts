import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgs, usage } from './parseArgs';

const run = promisify(execFile);

describe('CLI flags', () => {
  it('maps every config key to a kebab-case flag and parses typed values', () => {
    const o = parseArgs([
      '--label-noise',
      '0.3',
      '--noise-kind=asymmetric',
      '--policies',
      'uniform,hard',
      '--corrupt-held-out',
      '--seed',
      '11',
      '--out',
      'x',
    ]);
    expect(o.overrides).toEqual({
      labelNoise: 0.3,
      noiseKind: 'asymmetric',
      policies: ['uniform', 'hard'],
      corruptHeldOut: true,
      seed: 11,
    });
    expect(o.out).toBe('x');
    expect(usage()).toContain('--reference-pretrain-steps');
  });

  it.each([
    [['--label-noise', '2'], 'labelNoise: "2" is not allowed; expected a number from 0 to 0.9'],
    [['--steps'], '--steps needs a value'],
    [['--bogus', '1'], 'unknown flag --bogus'],
    [['steps'], 'unexpected argument "steps"'],
    [
      ['--sweep', 'lr=1,2'],
      'sweep: "lr=1,2" is not a sweep; expected KEY=V1,V2,… with KEY one of rho (filterRatio), tau (temperature), steps, scorer',
    ],
    [['--sweep', 'rho=1.5,17'], 'sweep: rho (filterRatio): "17" is not allowed; expected a number from 1 to 16'],
    [['--sweep', 'tau=0', '--sweep=tau=1'], 'sweep: tau is given twice; give each key once with all its values'],
    [['--sweep', 'scorer=ViT-Mi/4,ViT-X/8'], 'sweep: scorer: "ViT-X/8": unknown size "X"'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it.each([
    [
      ['--steps', '0x10'],
      'steps: "0x10" is not allowed; expected an integer from 1 to 100000 written as a decimal number (digits, optional . and exponent)',
    ],
    [
      ['--seed', '0b11'],
      'seed: "0b11" is not allowed; expected an integer from 0 to 2147483647 written as a decimal number (digits, optional . and exponent)',
    ],
    [['--label-noise=0o1'], 'labelNoise: "0o1" is not allowed; expected a number from 0 to 0.9 written as a decimal number'],
    [['--steps', '1e999'], 'steps: "1e999" is not allowed; expected an integer from 1 to 100000'],
    [['--steps', '10', '--steps', '20'], '--steps is given twice; give each flag once'],
    [['--out', 'a', '--out=b'], '--out is given twice; give each flag once'],
    [['--quiet', '--quiet=false'], '--quiet is given twice; give each flag once'],
    [['--quiet=yes'], '--quiet: "yes" is not allowed; expected true or false (or --quiet alone for true)'],
    [['--learner', 'ViT-constructor/4'], 'learner: "ViT-constructor/4": unknown size "constructor"; allowed sizes: B, S, Ti, Mi, Mu'],
    [['--scorer', 'ViT-valueOf/4'], 'scorer: "ViT-valueOf/4": unknown size "valueOf"; allowed sizes: B, S, Ti, Mi, Mu'],
    [['--sweep', 'scorer=ViT-Mi/4,ViT-hasOwnProperty/8'], 'sweep: scorer: "ViT-hasOwnProperty/8": unknown size "hasOwnProperty"'],
  ])('refuses %j (decimal numbers, one flag each, own model sizes only)', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('takes --sweep more than once: scorers alone are the ladder, any other key a grid', () => {
    expect(parseArgs(['--sweep', 'scorer=ViT-Mi/4,ViT-Mu/8'])).toMatchObject({ sweepScorers: ['ViT-Mi/4', 'ViT-Mu/8'], grid: null });
    const grid = parseArgs(['--sweep', 'tau=0,1', '--sweep=rho=1.5,2']).grid;
    expect(grid?.map((a) => [a.key, a.values])).toEqual([
      ['rho', [1.5, 2]],
      ['tau', [0, 1]],
    ]);
  });

  it('reads booleans as true or false, the value optional', () => {
    expect(parseArgs(['--quiet=false']).quiet).toBe(false);
    expect(parseArgs(['--quiet', 'false', '--steps', '5']).quiet).toBe(false);
    expect(parseArgs(['--quiet']).quiet).toBe(true);
    expect(parseArgs(['--quiet=true', '--steps', '5']).quiet).toBe(true);
    expect(parseArgs(['--corrupt-held-out=false']).overrides).toEqual({ corruptHeldOut: false });
    expect(parseArgs(['--steps', '1e2', '--seed', '007']).overrides).toEqual({ steps: 100, seed: 7 });
  });
});

describe('npm run lab (process)', () => {
  const tsx = join('node_modules', '.bin', 'tsx');

  it('exits 2 with a message naming the field on bad input', async () => {
    const failure = await run(tsx, ['cli/lab.ts', '--learner', 'ViT-Z/4']).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('learner: "ViT-Z/4": unknown size "Z"');
  });

  it('checks --out before training: a path under a file exits 2 at once, naming --out and what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-'));
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const args = [
      'cli/lab.ts',
      '--preset',
      'none',
      '--learner',
      'ViT-Mi/4',
      '--steps',
      '20',
      '--eval-every',
      '10',
      '--train-size',
      '512',
      '--test-size',
      '200',
      '--batch-size',
      '16',
      '--out',
      join(file, 'run'),
    ];
    const failure = await run(tsx, args).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    // Nothing trained (no phase or evaluation lines) and no stack trace: the one message.
    expect((failure as { stderr: string }).stderr).toBe(
      `lab: --out ${join(file, 'run')}: ${file} is a file, not a folder; choose a folder you can write to (it is created if missing), e.g. --out results\n`,
    );
  });

  it('trains the IID baseline and writes result.json and curves.csv', async () => {
    const out = await mkdtemp(join(tmpdir(), 'lab-'));
    const args = [
      'cli/lab.ts',
      '--preset',
      'none',
      '--learner',
      'ViT-Mi/4',
      '--steps',
      '20',
      '--eval-every',
      '10',
      '--train-size',
      '512',
      '--test-size',
      '200',
      '--batch-size',
      '16',
      '--out',
      out,
      '--quiet',
    ];
    const { stdout } = await run(tsx, args);
    expect(stdout).toContain('uniform ');
    const result = JSON.parse(await readFile(join(out, 'result.json'), 'utf8'));
    expect(Object.keys(result)).toEqual(['config', 'backend', 'runs', 'comparisons', 'classNames', 'hardClasses']);
    expect(result.config.steps).toBe(20);
    expect(result.runs[0].curve.map((p: { step: number }) => p.step)).toEqual([0, 10, 20]);
    expect(Object.keys(result.runs[0].final)).toEqual(['testAccuracy', 'steps', 'flops', 'wallMs']);
    const csv = (await readFile(join(out, 'curves.csv'), 'utf8')).trim().split('\n');
    const perClass = (prefix: string) => result.classNames.map((_: string, c: number) => `${prefix}_c${c}`);
    const header = ['run,policy,scorer,step,testAccuracy,trainLoss,flops,wallMs,noisySelectedFraction'];
    header.push(...perClass('pick_share'), ...perClass('true_pick_share'), ...perClass('acc'), 'worst_class_accuracy');
    expect(csv[0]).toBe(header.join(','));
    expect(csv).toHaveLength(4);
  });
});
