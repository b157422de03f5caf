import { CONFIG_SCHEMA } from '../config/configSchema';
import type { ExperimentConfig } from '../config/experimentConfig';
import { pixelsPerImage, type Dataset, type Split } from '../data/dataset';
import { TORCH_SOURCES } from './torchSources.generated';

/**
 * The "Export as PyTorch" folder (docs/pytorch-export.md): the config, the lab's schema (train.py
 * validates against it), the exact data as raw little-endian binaries with a small header, and the
 * Python package. Pure: the CLI writes the files to disk, the browser packs them in a tar.
 */
export interface ExportFile {
  path: string;
  bytes: Uint8Array;
}

export const DATA_FORMAT = 'learnability-lab-torch-data';
export const DATA_VERSION = 1;

const SPLITS = { train: 'train', heldOut: 'held-out', test: 'test' } as const;
type SplitKey = keyof typeof SPLITS;

/** Why an experiment cannot be exported, or null. */
export function torchExportProblem(config: ExperimentConfig, dataset: Pick<Dataset, 'captions' | 'channels'>): string | null {
  if (config.dataset === 'captioned-shapes' || dataset.captions)
    return 'dataset: captioned-shapes trains a two-tower contrastive model, which the PyTorch export does not carry; allowed: synthetic, mnist, fashion-mnist, custom';
  if (dataset.channels !== 1) return `dataset: ${dataset.channels}-channel images; the ViT ladder takes 1 channel`;
  return null;
}

/** Every file of the export, paths relative to the folder. Throws with torchExportProblem's message. */
export function torchExportFiles(config: ExperimentConfig, dataset: Dataset): ExportFile[] {
  const problem = torchExportProblem(config, dataset);
  if (problem) throw new Error(problem);
  const text = (path: string, s: string): ExportFile => ({ path, bytes: new TextEncoder().encode(s) });
  const json = (path: string, value: unknown) => text(path, `${JSON.stringify(value, null, 2)}\n`);
  const pixels = pixelsPerImage(dataset);
  const files: ExportFile[] = [json('config.json', config), json('schema.json', CONFIG_SCHEMA)];
  const splits: Record<string, unknown> = {};
  for (const key of Object.keys(SPLITS) as SplitKey[]) {
    const split = dataset[key];
    if (split.images.length !== split.count * pixels)
      throw new Error(`dataset ${key}: ${split.images.length} pixel values for ${split.count} images of ${pixels} pixels`);
    const [entry, binaries] = splitFiles(SPLITS[key], split);
    splits[key] = entry;
    files.push(...binaries);
  }
  files.push(
    json('data/header.json', {
      format: DATA_FORMAT,
      version: DATA_VERSION,
      dataset: dataset.name,
      imageSize: dataset.imageSize,
      channels: dataset.channels,
      numClasses: dataset.numClasses,
      classNames: dataset.classNames,
      hardClasses: dataset.hardClasses ?? [],
      ...(dataset.upload ? { uploadedDataset: dataset.upload } : {}),
      splits,
    }),
  );
  for (const [path, source] of Object.entries(TORCH_SOURCES)) files.push(text(path, source));
  files.push(text('README.md', readme(config)));
  return files;
}

function splitFiles(name: string, split: Split): [Record<string, unknown>, ExportFile[]] {
  const arrays = {
    images: { dtype: 'float32', bytes: littleEndian(split.images) },
    labels: { dtype: 'int32', bytes: littleEndian(split.labels) },
    trueLabels: { dtype: 'int32', bytes: littleEndian(split.trueLabels) },
    corruption: { dtype: 'uint8', bytes: split.corruption.slice() },
  };
  const entry: Record<string, unknown> = { count: split.count };
  const files: ExportFile[] = [];
  for (const [key, { dtype, bytes }] of Object.entries(arrays)) {
    const file = `${name}-${key}.${dtype}`;
    entry[key] = { file, dtype };
    files.push({ path: `data/${file}`, bytes });
  }
  return [entry, files];
}

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The values' bytes, little-endian whatever the host. */
export function littleEndian(values: Float32Array | Int32Array): Uint8Array {
  const copy = new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  if (!HOST_IS_LITTLE_ENDIAN) for (let i = 0; i < copy.length; i += 4) copy.subarray(i, i + 4).reverse();
  return copy;
}

function readme(config: ExperimentConfig): string {
  return `# learnability-lab experiment, exported for PyTorch

Policies ${config.policies.join(', ')} · learner ${config.learner} · scorer ${config.scorer} · ${config.steps} steps · seed ${config.seed}.
Needs Python >= 3.10, torch >= 1.13 and numpy (Debian: \`apt-get install python3-torch\`); nothing is downloaded.

    python3 train.py                          # one process: CPU, or one GPU when torch sees one
    torchrun --nproc_per_node 2 train.py      # several processes: each super-batch sharded across ranks

It writes result.json in the lab's schema: import it in the lab (Saved runs → Import result.json) to plot
it beside browser runs. \`python3 train.py --help\` lists the options. The layout, the data format and how
selection is distributed across ranks are described in the lab's docs/pytorch-export.md.
`;
}
