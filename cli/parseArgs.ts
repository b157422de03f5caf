import { CONFIG_KEYS, CONFIG_SCHEMA, allowedText, parseFieldValue } from '../src/core/config/configSchema';
import type { ExperimentConfig } from '../src/core/config/experimentConfig';
import { DEFAULT_PRESET, PRESET_NAMES, PRESETS } from '../src/core/config/presets';
import { MAX_GRID_CELLS, parseSweepSpecs, type SweepAxis } from '../src/core/sweep/sweepSpec';

export interface CliOptions {
  /** Config keys given as flags, already typed (validated again with the rest later). */
  overrides: Partial<Record<keyof ExperimentConfig, unknown>>;
  preset: string | null;
  configFile: string | null;
  out: string;
  backend: string | null;
  /** Scorer variants for a scorer-ladder sweep (`--sweep scorer=A,B`). */
  sweepScorers: string[] | null;
  /** A ρ / τ / steps grid (`--sweep rho=1.5,2 --sweep tau=0,1`); null when no such key is swept. */
  grid: SweepAxis[] | null;
  quiet: boolean;
  help: boolean;
  /** `--dataset-file data.csv`: train on a CSV of label + pixels (dataset custom). */
  datasetFile: string | null;
  /** `--dataset-size WxH`: image size of a non-square CSV (raw; parsed with the file). */
  datasetSize: string | null;
  /** `--export-torch DIR`: write the experiment as a runnable PyTorch project into DIR, then exit (nothing trains). */
  exportTorch: string | null;
}

export class UsageError extends Error {}

export const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camelByFlag = new Map<string, keyof ExperimentConfig>(CONFIG_KEYS.map((k) => [kebab(k), k]));

/**
 * `--label-noise 0.3`, `--label-noise=0.3`, `--corrupt-held-out` (booleans may omit the value).
 * Numbers are decimal only ("0x10" is refused); a flag given twice is refused.
 */
export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    overrides: {},
    preset: null,
    configFile: null,
    out: 'out',
    backend: null,
    sweepScorers: null,
    grid: null,
    quiet: false,
    help: false,
    datasetFile: null,
    datasetSize: null,
    exportTorch: null,
  };
  const seen = new Set<string>();
  const sweeps: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"; flags look like --steps 400 (see --help)`);
    const eq = arg.indexOf('=');
    const flag = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${flag} needs a value`);
      i++;
      return next;
    };
    const name = flag === 'h' ? 'help' : flag;
    if (seen.has(name) && name !== 'help' && name !== 'sweep') throw new UsageError(`--${flag} is given twice; give each flag once`);
    seen.add(name);
    // Booleans: `--quiet`, `--quiet true`, `--quiet=false` (the value may be left out, meaning true).
    const booleanValue = () =>
      inline === undefined && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) ? 'true' : takeValue();
    if (flag === 'help' || flag === 'h') options.help = true;
    else if (flag === 'quiet') options.quiet = parseBooleanFlag(flag, booleanValue());
    else if (flag === 'preset') options.preset = takeValue();
    else if (flag === 'config') options.configFile = takeValue();
    else if (flag === 'out') options.out = takeValue();
    else if (flag === 'backend') options.backend = takeValue();
    else if (flag === 'sweep') sweeps.push(takeValue());
    else if (flag === 'dataset-file') options.datasetFile = takeValue();
    else if (flag === 'dataset-size') options.datasetSize = takeValue();
    else if (flag === 'export-torch') options.exportTorch = takeValue();
    else {
      const key = camelByFlag.get(flag);
      if (!key) throw new UsageError(`unknown flag --${flag}; run with --help for the list`);
      const isBool = CONFIG_SCHEMA[key].kind === 'boolean';
      const raw = isBool ? booleanValue() : takeValue();
      const parsed = parseFieldValue(key, raw);
      if (!parsed.ok) throw new UsageError(parsed.message);
      options.overrides[key] = parsed.value;
    }
  }
  if (sweeps.length > 0) {
    const axes = parseSweepSpecs(sweeps);
    if (!axes.ok) throw new UsageError(axes.message);
    // Only scorers: the scorer ladder (one experiment, IID shared by every rung). Anything else: a grid.
    if (axes.value.length === 1 && axes.value[0]!.key === 'scorer') options.sweepScorers = axes.value[0]!.values.map(String);
    else options.grid = axes.value;
  }
  if (options.exportTorch !== null && options.exportTorch.trim() === '')
    throw new UsageError(
      '--export-torch: the folder is empty; give the folder to write the PyTorch project into, e.g. --export-torch torch-run',
    );
  if (options.exportTorch !== null && options.grid)
    throw new UsageError(
      '--export-torch exports one experiment; drop the --sweep grid (rho, tau, steps) or export each cell with its own flags',
    );
  return options;
}

function parseBooleanFlag(flag: string, raw: string): boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new UsageError(`--${flag}: "${raw}" is not allowed; expected true or false (or --${flag} alone for true)`);
}

export function usage(): string {
  const rows = CONFIG_KEYS.map((k) => `  --${kebab(k).padEnd(26)} ${CONFIG_SCHEMA[k].help} (${allowedText(CONFIG_SCHEMA[k])})`);
  return [
    'Usage: npm run lab -- [--preset NAME] [--config file.json] [--flag value ...] [--sweep KEY=V1,V2,… ...] [--dataset-file data.csv [--dataset-size WxH]] [--out DIR] [--export-torch DIR] [--backend wasm|cpu] [--quiet]',
    '',
    'Runs the IID baseline and each requested policy; writes DIR/result.json and DIR/curves.csv.',
    '',
    'Sweeps: --sweep scorer=A,B runs the scorer ladder in one experiment. --sweep rho=1.5,2,4 --sweep tau=0,0.1,1',
    '  (keys rho = filterRatio, tau = temperature, steps, scorer; each key once) runs a grid of cells, each the first',
    `  active policy against IID, and writes DIR/grid.json and DIR/grid.csv; at most ${MAX_GRID_CELLS} cells.`,
    '',
    `Settings are layered: defaults < preset (default ${DEFAULT_PRESET}; --preset none for the bare defaults) < --config file < flags.`,
    '',
    'Your own data: --dataset-file data.csv trains on a CSV with one row per image, label,p0,p1,… (header optional;',
    '  labels 0…K−1 with 2–10 classes, ≥ 10 examples each; pixels 0–255 or 0–1; square images unless --dataset-size',
    '  WxH; at most 20 MB). Images are fitted to 16×16; splits are stratified; sizes fit the file unless given.',
    '',
    'PyTorch: --export-torch DIR writes the experiment (config, the exact data, train.py and its package) into DIR and',
    '  exits without training; run it with python3 DIR/train.py or torchrun (docs/pytorch-export.md).',
    '',
    'Presets:',
    ...PRESET_NAMES.map((name) => `  ${name.padEnd(16)} ${PRESETS[name].explanation}`),
    '',
    'Settings (every config key is a flag):',
    ...rows,
  ].join('\n');
}
