import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../accounting/vitFlops';
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

/** Median of per-repetition times (ms) after warm-up. */
async function medianMs(repetitions: number, warmup: number, work: () => Promise<void>): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** ms per full training step (forward, backward, AdamW) of a variant on a batch. */
export async function trainStepMs(variant: string, batch: number, repetitions: number): Promise<number> {
  const model = createModel(variant, BENCH_INPUT, 1);
  const optimizer = new AdamW(model.params);
  const { images, labels } = randomBatch(batch, 2);
  try {
    return await medianMs(repetitions, 3, async () => {
      const loss = trainStep(model, optimizer, images, labels, 1e-4, 0.1);
      await loss.data();
      loss.dispose();
    });
  } finally {
    tf.dispose([images, labels]);
    optimizer.dispose();
    model.dispose();
  }
}

/** ms per forward pass (scoring) of a variant on a batch. */
export async function forwardMs(variant: string, batch: number, repetitions: number): Promise<number> {
  const model = createModel(variant, BENCH_INPUT, 1);
  const { images, labels } = randomBatch(batch, 3);
  try {
    return await medianMs(repetitions, 3, async () => {
      const logits = tf.tidy(() => model.logits(images));
      await logits.data();
      logits.dispose();
    });
  } finally {
    tf.dispose([images, labels]);
    model.dispose();
  }
}

/** FLOP/s of a plain [m, k]·[k, n] matmul on the active backend. */
export async function matmulFlopsPerSecond(m: number, k: number, n: number, repetitions: number): Promise<number> {
  const a = tf.randomNormal([m, k]);
  const b = tf.randomNormal([k, n]);
  try {
    const ms = await medianMs(repetitions, 3, async () => {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    });
    return (2 * m * k * n) / (ms / 1000);
  } finally {
    tf.dispose([a, b]);
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
