import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PRESET } from '../src/core/config/presets';
import type { ExperimentResult } from '../src/core/experiment/resultTypes';
import { findPythonWithTorch } from './pythonWithTorch';
import { crosscheckVerdict, CROSSCHECK_POLICIES, fmt, medianSaving, RANKING_TIE, type SavingsBySeed } from './crosscheckVerdict';
import { exportTorchProject, runLab, trainTorchProject } from './torchProject';

/**
 * `npm run crosscheck [-- --seeds 0,1,2 --preset noisy-labels]`: the lab (Node, wasm) and its exported
 * PyTorch project on the same preset and seeds, one job at a time; prints each policy's learner saving
 * per seed and the ranking, and fails (exit 1) unless the median learnability savings are within 10
 * points and the rankings agree up to ties (docs/pytorch-export.md, "Cross-check"). No torch: says so, exit 0.
 */
async function main(argv: string[]): Promise<number> {
  const flag = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? (argv[i + 1] as string) : fallback;
  };
  const preset = flag('preset', DEFAULT_PRESET);
  const seeds = flag('seeds', '0,1,2').split(',').map(Number);
  if (seeds.some((s) => !Number.isInteger(s) || s < 0)) {
    console.error(`crosscheck: --seeds: "${flag('seeds', '')}" is not allowed; expected comma-separated integers ≥ 0, e.g. 0,1,2`);
    return 2;
  }
  const python = findPythonWithTorch();
  if (!python) {
    console.log('crosscheck: SKIPPED — no python3 on PATH (or $PYTHON) imports torch; Debian: apt-get install python3-torch');
    return 0;
  }
  const root = await mkdtemp(join(tmpdir(), 'crosscheck-'));
  const args = ['--preset', preset, '--policies', CROSSCHECK_POLICIES.join(',')];
  const lab: SavingsBySeed = [];
  const torch: SavingsBySeed = [];
  for (const seed of seeds) {
    const seedArgs = [...args, '--seed', String(seed)];
    let started = performance.now();
    lab.push(savings(await runLab(seedArgs, join(root, `lab-${seed}`))));
    const labSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await exportTorchProject(seedArgs, join(root, `torch-${seed}`));
    torch.push(savings(await trainTorchProject(python, join(root, `torch-${seed}`))));
    console.log(
      `crosscheck seed ${seed}: lab ${labSeconds.toFixed(0)}s, PyTorch (export + train) ${((performance.now() - started) / 1000).toFixed(0)}s`,
    );
  }
  await rm(root, { recursive: true, force: true });
  const verdict = crosscheckVerdict(lab, torch);
  const cell = (v: number | null) => fmt(v).padStart(7);
  console.log(`\nLearner saving vs IID, preset ${preset}, seeds ${seeds.join(', ')} (n.r.: never reached IID's final accuracy)`);
  console.log(`${'policy'.padEnd(14)}${'lab'.padStart(8 * seeds.length + 8)}   ${'PyTorch'.padStart(8 * seeds.length + 8)}`);
  for (const policy of CROSSCHECK_POLICIES.filter((p) => p !== 'uniform')) {
    const row = (s: SavingsBySeed) => `${s.map((x) => cell(x[policy] ?? null)).join(' ')} | ${cell(medianSaving(s, policy))}`;
    console.log(`${policy.padEnd(14)}${row(lab)}   ${row(torch)}`);
  }
  console.log(
    `ranking (median; within ${100 * RANKING_TIE} points counts as a tie): lab ${verdict.labRanking.join(' > ')}; PyTorch ${verdict.torchRanking.join(' > ')}`,
  );
  for (const problem of verdict.problems) console.error(`crosscheck: ${problem}`);
  console.log(verdict.problems.length === 0 ? 'crosscheck: PASS' : 'crosscheck: FAIL');
  return verdict.problems.length === 0 ? 0 : 1;
}

function savings(result: ExperimentResult): Record<string, number | null> {
  return Object.fromEntries(result.comparisons.map((c) => [c.policy, c.learnerSaving]));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`crosscheck: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
