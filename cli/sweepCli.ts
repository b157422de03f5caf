import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../src/core/data/dataset';
import type { ExperimentEvent } from '../src/core/experiment/events';
import { gridCsv } from '../src/core/sweep/gridCsv';
import { runSweep, type SweepResult } from '../src/core/sweep/runSweep';
import { sharingNote, type SweepPlan } from '../src/core/sweep/sweepGrid';
import { cellLine, gridTable } from './gridReport';
import { progressLine } from './report';

/** The files a grid writes into `--out`. */
export const GRID_FILES = ['grid.json', 'grid.csv'] as const;

/** Runs a planned grid, printing a line per cell and the grid table; writes grid.json and grid.csv into `dir`. */
export async function runGridCli(plan: SweepPlan, dataset: Dataset, dir: string, backend: string, quiet: boolean): Promise<SweepResult> {
  if (!quiet) process.stderr.write(`sweep: ${plan.cells.length} cells, ${plan.policy} vs IID; ${sharingNote(plan)}\n`);
  const live = process.stderr.isTTY && !quiet;
  let cellStarted = performance.now();
  const onEvent = (event: ExperimentEvent) => {
    if (live && event.type === 'step')
      process.stderr.write(`\r${progressLine(event.runId, event.step, event.totalSteps, event.wallMs, '')}`);
  };
  const result = await runSweep(plan, dataset, {
    backend,
    emit: onEvent,
    onCellStart: () => {
      cellStarted = performance.now();
    },
    onCell: (cell, _baseline, index) => {
      if (!quiet)
        process.stderr.write(`${live ? '\r\x1b[2K' : ''}${cellLine(cell, index, plan.cells.length, performance.now() - cellStarted)}\n`);
    },
  });
  await writeFile(join(dir, 'grid.json'), JSON.stringify(result, null, 2) + '\n');
  await writeFile(join(dir, 'grid.csv'), gridCsv(result));
  console.log(`\n${gridTable(result)}\n`);
  return result;
}
