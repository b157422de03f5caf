import { Worker } from 'node:worker_threads';
import { trainStepWork } from '../../src/core/bench/benchMeasures';
import type { LoadThreadData } from './loadThread';

/** How much a second busy core slows this one (bench/results.json `coreContention`). */
export interface CoreContention {
  /** Learner step while another thread runs the same wasm step ÷ the step alone: 1.0 = independent cores. */
  value: number;
  aloneMs: number;
  loadedMs: number;
  /** Steps the load thread completed while the main thread timed its loaded block (it really ran). */
  loadSteps: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The load thread's next message; a thread that throws or exits first fails the bench instead of hanging it. */
function nextMessage<T>(load: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const off = () => {
      load.off('message', onMessage);
      load.off('error', onError);
      load.off('exit', onExit);
    };
    const onMessage = (message: T) => {
      off();
      resolve(message);
    };
    const onError = (error: Error) => {
      off();
      reject(new Error(`bench: the contention load thread failed: ${error.message}`));
    };
    const onExit = (code: number) => {
      off();
      reject(new Error(`bench: the contention load thread exited (code ${code}) before it answered`));
    };
    load.on('message', onMessage);
    load.on('error', onError);
    load.on('exit', onExit);
  });
}

/**
 * The machine's own limit on overlap (docs/architecture.md, "Pipeline"): the learner's training step
 * timed alone, then while a worker thread trains the same model on the other core, then alone again
 * (before and after, so drift in the machine's clock shows as a gap between the two "alone" blocks and
 * is averaged out). A pipelined learner cannot run faster than this figure allows while its scorer
 * thread is busy: on cores that share vector units or memory bandwidth, the ratio is well above 1.
 */
export async function measureCoreContention(variant: string, batch: number, repetitions: number): Promise<CoreContention> {
  const step = trainStepWork(variant, batch);
  const block = async (): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const started = performance.now();
      await step.work();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  try {
    for (let i = 0; i < 3; i++) await step.work();
    const before = await block();
    const stop = new SharedArrayBuffer(4);
    const data: LoadThreadData = { variant, batch, stop };
    const load = new Worker(new URL('./loadThreadBoot.js', import.meta.url), { workerData: data });
    try {
      const ready = await nextMessage<{ type: string }>(load);
      if (ready.type !== 'ready') throw new Error(`bench: the contention load thread said ${ready.type}, not ready`);
      const loadedMs = await block();
      Atomics.store(new Int32Array(stop), 0, 1);
      const stopped = await nextMessage<{ type: string; steps: number }>(load);
      const after = await block();
      const aloneMs = (before + after) / 2;
      return { value: loadedMs / aloneMs, aloneMs, loadedMs, loadSteps: stopped.steps };
    } finally {
      await load.terminate();
    }
  } finally {
    step.dispose();
  }
}
