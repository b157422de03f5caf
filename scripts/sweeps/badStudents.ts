import type { ExperimentResult } from '../../src/core/experiment/resultTypes';
import { noisyShare, runScienceJobs, type ScienceJob } from '../../cli/scienceJobs';
import { flagValue } from '../../cli/flagValue';

/**
 * The sweep behind the table in docs/science.md: task variants × learner budgets × scorer sizes, a few
 * seeds each, through the real CLI. Every row lists the reference's, the online student's and the
 * learners' final clean test accuracy next to the learner saving of each policy.
 *
 *   npx tsx scripts/sweeps/badStudents.ts [--seeds 10,11,12] [--only name,name] [--jobs 2] [--policies uniform,learnability,easy,hard]
 */
interface Setting {
  name: string;
  /** What the row varies, for the table. */
  what: string;
  preset: string;
  flags: string[];
}

// Rows of the table in docs/science.md, each as flags over today's noisy-labels preset.
const OLD_TASK = [
  '--hard-class-style',
  'pixel-noise',
  '--hard-pixel-noise',
  '1.5',
  '--learning-rate',
  '0.001',
  '--reference-pretrain-steps',
  '400',
];
const DOTS = ['--hard-class-style', 'fine-detail', '--hard-pixel-noise', '0.5'];

export const SETTINGS: Setting[] = [
  {
    name: 'old-task',
    what: 'the previous default: pixel-noise classes, 10k train, lr 1e-3, reference 400 × B',
    preset: 'noisy-labels',
    flags: [...OLD_TASK, '--train-size', '10000'],
  },
  { name: 'old-task-one-pass', what: 'the same, one pass over 52k', preset: 'noisy-labels', flags: [...OLD_TASK] },
  {
    name: 'old-task-Mu8',
    what: 'the same, one pass, ViT-Mu/8 scorers',
    preset: 'noisy-labels',
    flags: [...OLD_TASK, '--scorer', 'ViT-Mu/8'],
  },
  {
    name: 'old-task-800',
    what: 'old task, 800 steps, 60k train, reference 150 × B',
    preset: 'noisy-labels',
    flags: [...OLD_TASK, '--steps', '800', '--train-size', '60000', '--reference-pretrain-steps', '150'],
  },
  {
    name: 'dots-lr1',
    what: 'dotted classes, lr 1e-3, reference 400 × B',
    preset: 'noisy-labels',
    flags: [...DOTS, '--learning-rate', '0.001', '--reference-pretrain-steps', '400'],
  },
  {
    name: 'dots-lr1-Mu8',
    what: 'dotted classes, lr 1e-3, ViT-Mu/8 scorers, reference 400 × B',
    preset: 'noisy-labels',
    flags: [...DOTS, '--learning-rate', '0.001', '--reference-pretrain-steps', '400', '--scorer', 'ViT-Mu/8'],
  },
  { name: 'default', what: 'dotted classes, lr 2e-3, reference 100 × B (the preset)', preset: 'noisy-labels', flags: [] },
  {
    name: 'dots-ref70',
    what: 'dotted classes, lr 2e-3, reference 70 × B',
    preset: 'noisy-labels',
    flags: ['--reference-pretrain-steps', '70'],
  },
];

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n.r.' : `${(100 * x).toFixed(1)}`);

function row(setting: Setting, seed: number, r: ExperimentResult): string {
  const run = (p: string) => r.runs.find((x) => x.policy === p);
  const saving = (p: string) => {
    const c = r.comparisons.find((x) => x.policy === p);
    return c ? pct(c.learnerSaving) : '–';
  };
  const scored = run('learnability') ?? run('easy');
  const learn = r.comparisons.find((x) => x.policy === 'learnability');
  const cells = [
    setting.name,
    String(seed),
    pct(scored?.referenceTestAccuracy),
    pct(run('learnability')?.onlineTestAccuracy),
    pct(run('uniform')?.final.testAccuracy),
    ...['learnability', 'easy', 'hard'].map((p) => (run(p) ? `${pct(run(p)!.final.testAccuracy)} / ${saving(p)}` : '–')),
    learn ? `${pct(learn.computeSaving)} / ${pct(learn.computeSavingWithPretraining)}` : '–',
    run('learnability') ? noisyShare(run('learnability')!).toFixed(2) : '–',
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const seeds = (flagValue(argv, 'seeds', '10,11,12') ?? '').split(',').map(Number);
  const only = flagValue(argv, 'only', '')?.split(',').filter(Boolean);
  const jobsAtOnce = Number(flagValue(argv, 'jobs', '2'));
  const policies = flagValue(argv, 'policies', 'uniform,learnability,easy,hard') ?? '';
  const settings = SETTINGS.filter((s) => !only?.length || only.includes(s.name));
  if (settings.length === 0)
    throw new Error(`--only: no setting named ${only?.join(', ')}; allowed: ${SETTINGS.map((s) => s.name).join(', ')}`);
  console.log(
    '| setting | seed | reference | online | IID | learnability (acc / saving) | easy (acc / saving) | hard (acc / saving) | learnability compute / incl. pretraining | learnability noisy share |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const setting of settings) {
    const jobs: ScienceJob[] = seeds.map((seed) => ({
      key: `${setting.name}-${seed}`,
      args: [...setting.flags, '--policies', policies, '--seed', String(seed)],
    }));
    const results = await runScienceJobs(setting.preset, jobs, jobsAtOnce);
    for (const seed of seeds) console.log(row(setting, seed, results.get(`${setting.name}-${seed}`)!));
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
