import * as tf from '@tensorflow/tfjs';
import { useCallback, useRef, useState } from 'react';
import type { BackendName } from '../../core/backend/backendNames';
import { selectBackend, type CapabilityReport } from '../../core/backend/selectBackend';
import { benchProblems, type BenchResults, type BenchRow } from '../../core/bench/benchResults';
import { runBench } from '../../core/bench/runBench';
import { fetchDatasetFile } from '../../worker/datasetFetcher';
import { viteWasmPaths } from '../../worker/wasmPaths';

export type BenchState =
  | { status: 'idle' }
  | { status: 'running'; report: CapabilityReport | null; fraction: number; label: string; rows: BenchRow[] }
  | { status: 'done'; report: CapabilityReport; results: BenchResults; rows: BenchRow[]; problems: string[] }
  | { status: 'failed'; message: string; rows: BenchRow[] };

/** The next animation frame, so the progress bar repaints (a timeout too: hidden tabs get no frames). */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });

/**
 * Runs the benchmark (src/core/bench/runBench.ts, the same code as `npm run bench`) on this page's
 * thread, on the requested backend. One run at a time.
 */
export function useBench() {
  const [state, setState] = useState<BenchState>({ status: 'idle' });
  const running = useRef(false);

  const start = useCallback(async (requested: BackendName | null, quick: boolean) => {
    if (running.current) return;
    running.current = true;
    const rows: BenchRow[] = [];
    setState({ status: 'running', report: null, fraction: 0, label: 'starting the backend', rows: [] });
    try {
      tf.env().set('PROD', true);
      const report = await selectBackend({ requested, wasmPaths: viteWasmPaths });
      const { results } = await runBench({
        backend: report.backend,
        quick,
        readDatasetFile: fetchDatasetFile,
        onRow: (row) => rows.push(row),
        onProgress: async (fraction, label) => {
          setState({ status: 'running', report, fraction, label, rows: [...rows] });
          await nextFrame();
        },
      });
      setState({ status: 'done', report, results, rows, problems: benchProblems(results) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error), rows });
    } finally {
      running.current = false;
    }
  }, []);

  return { state, start };
}
