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

const STREAM = ['--train-size', '52000'];
const FINE = ['--hard-class-style', 'fine-detail', '--hard-pixel-noise', '0.5'];

export const SETTINGS: Setting[] = [
  { name: 'old-default', what: 'pixel-noise classes (σ 0.5 / 1.5), 10k train, 400 steps, Mi/8 pretrained 400', preset: 'noisy-labels', flags: ['--hard-class-style', 'pixel-noise', '--hard-pixel-noise', '1.5', '--train-size', '10000'] },
  { name: 'old-stream', what: 'pixel-noise classes, one pass (52k train), 400 steps', preset: 'noisy-labels', flags: ['--hard-class-style', 'pixel-noise', '--hard-pixel-noise', '1.5', ...STREAM] },
  { name: 'old-stream-ref100', what: 'pixel-noise classes, one pass, reference pretrained 100 steps', preset: 'noisy-labels', flags: ['--hard-class-style', 'pixel-noise', '--hard-pixel-noise', '1.5', ...STREAM, '--reference-pretrain-steps', '100'] },
  { name: 'fine-10k', what: 'fine-detail classes (σ 0.5), 10k train, 400 steps', preset: 'noisy-labels', flags: [...FINE, '--train-size', '10000'] },
  { name: 'fine-stream', what: 'fine-detail classes (σ 0.5), one pass, 400 steps', preset: 'noisy-labels', flags: [...FINE, ...STREAM] },
  { name: 'fine-stream-Mu8', what: 'fine-detail classes, one pass, Mu/8 scorer', preset: 'noisy-labels', flags: [...FINE, ...STREAM, '--scorer', 'ViT-Mu/8'] },
  { name: 'fine-stream-600', what: 'fine-detail classes, one pass, 600 steps', preset: 'noisy-labels', flags: [...FINE, ...STREAM, '--steps', '600'] },
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
  if (settings.length === 0) throw new Error(`--only: no setting named ${only?.join(', ')}; allowed: ${SETTINGS.map((s) => s.name).join(', ')}`);
  console.log('| setting | seed | reference | online | IID | learnability (acc / saving) | easy (acc / saving) | hard (acc / saving) | learnability compute / incl. pretraining | learnability noisy share |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const setting of settings) {
    const jobs: ScienceJob[] = seeds.map((seed) => ({ key: `${setting.name}-${seed}`, args: [...setting.flags, '--policies', policies, '--seed', String(seed)] }));
    const results = await runScienceJobs(setting.preset, jobs, jobsAtOnce);
    for (const seed of seeds) console.log(row(setting, seed, results.get(`${setting.name}-${seed}`)!));
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
