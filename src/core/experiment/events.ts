import type { PolicyName } from '../config/experimentConfig';
import type { CurvePoint, ExperimentResult, RunResult } from './resultTypes';

/** What an experiment reports while it runs; the CLI, worker and tests subscribe instead of parsing logs. */
export type ExperimentEvent =
  | { type: 'phase'; runId: string; message: string }
  | { type: 'run-started'; runId: string; policy: PolicyName; scorer: string | null; totalSteps: number }
  | { type: 'step'; runId: string; step: number; totalSteps: number; trainLoss: number; learningRate: number; wallMs: number; flops: number }
  | { type: 'evaluation'; runId: string; point: CurvePoint }
  | { type: 'run-finished'; runId: string; run: RunResult }
  | { type: 'experiment-finished'; result: ExperimentResult };

export type EventSink = (event: ExperimentEvent) => void;
