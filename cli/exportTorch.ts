import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExperimentConfig } from '../src/core/config/experimentConfig';
import type { Dataset } from '../src/core/data/dataset';
import { torchExportFiles, torchExportProblem } from '../src/core/export/torchExport';
import { prepareOutDir } from './outDir';
import { UsageError } from './parseArgs';

/**
 * `npm run lab -- … --export-torch DIR`: writes the PyTorch project (src/core/export/torchExport.ts)
 * into DIR, created if missing; files already there with the same names are replaced. Returns the
 * folder and the number of files and bytes written.
 */
export async function writeTorchExport(
  out: string,
  config: ExperimentConfig,
  dataset: Dataset,
): Promise<{ dir: string; files: number; bytes: number }> {
  const problem = torchExportProblem(config, dataset);
  if (problem) throw new UsageError(`--export-torch: ${problem}`);
  const files = torchExportFiles(config, dataset);
  const dir = await prepareOutDir(
    out,
    files.map((f) => f.path),
  ).catch((error: unknown) => {
    throw error instanceof UsageError
      ? new UsageError(error.message.replace(/^--out /, '--export-torch ').replace(/--out /g, '--export-torch '))
      : error;
  });
  let bytes = 0;
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
    bytes += file.bytes.length;
  }
  return { dir, files: files.length, bytes };
}
