import { ZERO_PHASE_FLOPS, addPhaseFlops, stepPhaseFlops, totalPhaseFlops, type PhaseFlops } from '../accounting/stepLedger';
import type { InputShape } from '../accounting/vitFlops';
import { superBatchSize, type ExperimentConfig, type PolicyName } from '../config/experimentConfig';
import { EpochSampler } from '../data/epochSampler';
import { createModel, modelForwardFlops } from '../models/modelRegistry';
import { deriveSeed } from '../random/rng';
import { AdamW } from '../train/adamw';
import type { DeviceSplit } from '../train/deviceData';
import { evaluate } from '../train/evaluate';
import { learningRateAt } from '../train/schedule';
import { trainStep } from '../train/trainStep';
import type { EventSink } from './events';
import type { CurvePoint, RunResult } from './resultTypes';

export interface RunContext {
  config: ExperimentConfig;
  input: InputShape;
  train: DeviceSplit;
  test: DeviceSplit;
  emit: EventSink;
  /** Checked between steps; returning true ends the run early (its curve so far is kept). */
  shouldStop?: () => boolean;
}

/** Raised when a loss stops being finite; carries the run so far so nothing finished is lost. */
export class TrainingDivergedError extends Error {
  constructor(
    message: string,
    readonly partial: RunResult,
  ) {
    super(message);
    this.name = 'TrainingDivergedError';
  }
}

/**
 * One training run. Every step draws a super-batch of B = ρ·b from the same seeded stream, whatever
 * the policy; the IID baseline (`uniform`) trains on its first b examples, i.e. b uniform examples.
 */
export async function runPolicy(ctx: RunContext, policy: PolicyName, runId: string): Promise<RunResult> {
  if (policy !== 'uniform') throw new Error(`policy "${policy}" is not implemented yet`);
  const { config, input, train, test, emit } = ctx;
  const b = config.batchSize;
  const B = superBatchSize(config);
  const learner = createModel(config.learner, input, deriveSeed(config.seed, 'learner'));
  const optimizer = new AdamW(learner.params, { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: config.weightDecay });
  const sampler = new EpochSampler(train.count, deriveSeed(config.seed, 'order'));
  const learnerFlops = modelForwardFlops(config.learner, input);
  const perStep = stepPhaseFlops({ policy, referenceMode: config.referenceMode, learnerFlops, onlineFlops: 0, referenceFlops: 0, batchSize: b, superBatchSize: B });
  let phaseFlops: PhaseFlops = ZERO_PHASE_FLOPS;
  let wallMs = 0;
  const curve: CurvePoint[] = [];
  let lossSum = 0;
  let lossCount = 0;
  let noisyCount = 0;
  let seenCount = 0;

  const record = async (step: number): Promise<CurvePoint> => {
    const { accuracy } = await evaluate(learner, test);
    const point: CurvePoint = {
      step,
      testAccuracy: accuracy,
      trainLoss: lossCount > 0 ? lossSum / lossCount : null,
      flops: totalPhaseFlops(phaseFlops),
      wallMs,
      noisySelectedFraction: seenCount > 0 ? noisyCount / seenCount : null,
    };
    curve.push(point);
    lossSum = lossCount = noisyCount = seenCount = 0;
    emit({ type: 'evaluation', runId, point });
    return point;
  };
  const result = (steps: number): RunResult => {
    const last = curve[curve.length - 1];
    return {
      id: runId,
      policy,
      scorer: null,
      final: { testAccuracy: last?.testAccuracy ?? 0, steps, flops: totalPhaseFlops(phaseFlops), wallMs },
      curve,
      phaseFlops,
      referencePretrainFlops: 0,
      modelFlops: { learner: learnerFlops, scorer: null },
    };
  };

  try {
    emit({ type: 'run-started', runId, policy, scorer: null, totalSteps: config.steps });
    await record(0);
    let step = 0;
    while (step < config.steps) {
      if (ctx.shouldStop?.()) break;
      const started = performance.now();
      const superBatch = sampler.next(B);
      const selected = superBatch.subarray(0, b);
      const lr = learningRateAt(step, config.steps, config.learningRate, config.warmupFraction);
      const { images, labels } = train.batch(selected);
      const lossTensor = trainStep(learner, optimizer, images, labels, lr, config.labelSmoothing);
      images.dispose();
      labels.dispose();
      const loss = (await lossTensor.data())[0] as number;
      lossTensor.dispose();
      wallMs += performance.now() - started;
      step++;
      phaseFlops = addPhaseFlops(phaseFlops, perStep);
      for (const i of selected) if (train.split.corruption[i] !== 0) noisyCount++;
      seenCount += b;
      if (!Number.isFinite(loss)) {
        throw new TrainingDivergedError(`learner loss became ${loss} at step ${step} (${policy} run); lower learningRate (now ${config.learningRate}) and run again`, result(step));
      }
      lossSum += loss;
      lossCount++;
      emit({ type: 'step', runId, step, totalSteps: config.steps, trainLoss: loss, learningRate: lr, wallMs, flops: totalPhaseFlops(phaseFlops) });
      if (step % config.evalEvery === 0 || step === config.steps) await record(step);
    }
    if (curve[curve.length - 1]?.step !== step) await record(step);
    const run = result(step);
    emit({ type: 'run-finished', runId, run });
    return run;
  } finally {
    optimizer.dispose();
    learner.dispose();
  }
}
