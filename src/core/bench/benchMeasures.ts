import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../models/inputShape';
import { vitForwardFlops } from '../accounting/vitFlops';
import { createModel } from '../models/modelRegistry';
import { vitSpec } from '../models/vitVariants';
import { createRng } from '../random/rng';
import { AdamW } from '../train/adamw';
import { trainStep } from '../train/trainStep';

export const BENCH_INPUT: InputShape = { imageSize: 16, channels: 1, numClasses: 10 };

function randomBatch(batch: number, seed: number) {
  const rng = createRng(seed);
  const images = tf.tensor2d(Float32Array.from({ length: batch * 256 }, () => rng.normal()), [batch, 256]);
  const labels = tf.tensor1d(Int32Array.from({ length: batch }, () => rng.int(10)), 'int32');
  return { images, labels };
}

type Work = () => Promise<void>;

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;

/**
 * Median ms per repetition of each work after warm-up, the works taking turns (A, B, A, B, …) so a
 * ratio between them sees the same machine load (other processes, thermal state) on both sides.
 */
async function interleavedMediansMs(repetitions: number, warmup: number, works: Work[]): Promise<number[]> {
  for (let i = 0; i < warmup; i++) for (const work of works) await work();
  const times = works.map((): number[] => []);
  for (let i = 0; i < repetitions; i++) {
    for (const [w, work] of works.entries()) {
      const started = performance.now();
      await work();
      times[w]!.push(performance.now() - started);
    }
  }
  return times.map(median);
}

/** A full training step (forward, backward, AdamW) of a variant on a random batch, and its cleanup. */
export function trainStepWork(variant: string, batch: number): { work: Work; dispose: () => void } {
  const model = createModel(variant, BENCH_INPUT, 1);
  const optimizer = new AdamW(model.params);
  const { images, labels } = randomBatch(batch, 2);
  const work = async () => {
    const loss = trainStep(model, optimizer, images, labels, 1e-4, 0.1);
    await loss.data();
    loss.dispose();
  };
  return { work, dispose: () => (tf.dispose([images, labels]), optimizer.dispose(), model.dispose()) };
}

/** A plain [m, k]·[k, n] matmul on the active backend, and its cleanup. */
function matmulWork(m: number, k: number, n: number): { work: Work; dispose: () => void } {
  const a = tf.randomNormal([m, k]);
  const b = tf.randomNormal([k, n]);
  const work = async () => {
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
  };
  return { work, dispose: () => tf.dispose([a, b]) };
}

/** ms per full training step (forward, backward, AdamW) of a variant on a batch. */
export async function trainStepMs(variant: string, batch: number, repetitions: number): Promise<number> {
  const step = trainStepWork(variant, batch);
  try {
    const [ms] = await interleavedMediansMs(repetitions, 3, [step.work]);
    return ms as number;
  } finally {
    step.dispose();
  }
}

/** ms per forward pass (scoring) of a variant on a batch. */
export async function forwardMs(variant: string, batch: number, repetitions: number): Promise<number> {
  const model = createModel(variant, BENCH_INPUT, 1);
  const { images, labels } = randomBatch(batch, 3);
  try {
    const [ms] = await interleavedMediansMs(repetitions, 3, [
      async () => {
        const logits = tf.tidy(() => model.logits(images));
        await logits.data();
        logits.dispose();
      },
    ]);
    return ms as number;
  } finally {
    tf.dispose([images, labels]);
    model.dispose();
  }
}

/**
 * Train-step ms of a variant and the backend's FLOP/s on a comparable plain matmul, timed in turns
 * (one step, then `matmulsPerStep` matmuls) so both figures of the efficiency ratio see the same load.
 */
export async function stepAndMatmul(variant: string, batch: number, repetitions: number, matmulsPerStep = 4): Promise<{ stepMs: number; matmulFlopsPerSecond: number; shape: [number, number, number] }> {
  const shape = comparableMatmulShape(variant, batch);
  const [m, k, n] = shape;
  const step = trainStepWork(variant, batch);
  const matmul = matmulWork(m, k, n);
  const matmuls = async () => {
    for (let i = 0; i < matmulsPerStep; i++) await matmul.work();
  };
  try {
    const [stepMs, matmulsMs] = (await interleavedMediansMs(repetitions, 3, [step.work, matmuls])) as [number, number];
    return { stepMs, matmulFlopsPerSecond: (2 * m * k * n * matmulsPerStep) / (matmulsMs / 1000), shape };
  } finally {
    step.dispose();
    matmul.dispose();
  }
}

/** The learner's largest matmul (the MLP's first layer): rows b·T', width D → r·D. */
export function comparableMatmulShape(variant: string, batch: number): [number, number, number] {
  const spec = vitSpec(variant);
  const tokens = (BENCH_INPUT.imageSize / spec.patch) ** 2 + 1;
  return [batch * tokens, spec.width, spec.mlpRatio * spec.width];
}

export function trainingFlopsPerStep(variant: string, batch: number): number {
  return 3 * vitForwardFlops(vitSpec(variant), BENCH_INPUT) * batch;
}
