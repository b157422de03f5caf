import type { Flops } from '../accounting/units';
import type { CurvePoint } from './resultTypes';

/** The recorder's points and the sums since the last one (checkpoints). */
export interface CurveRecorderState {
  points: CurvePoint[];
  lossSum: number;
  lossCount: number;
  noisy: number;
  seen: number;
}

/** Accumulates per-step figures between evaluations and turns them into curve points. */
export class CurveRecorder {
  readonly points: CurvePoint[] = [];
  private lossSum = 0;
  private lossCount = 0;
  private noisy = 0;
  private seen = 0;

  snapshot(): CurveRecorderState {
    return { points: this.points.map((p) => ({ ...p })), lossSum: this.lossSum, lossCount: this.lossCount, noisy: this.noisy, seen: this.seen };
  }

  static fromSnapshot(state: CurveRecorderState): CurveRecorder {
    const recorder = new CurveRecorder();
    recorder.points.push(...state.points.map((p) => ({ ...p })));
    recorder.lossSum = state.lossSum;
    recorder.lossCount = state.lossCount;
    recorder.noisy = state.noisy;
    recorder.seen = state.seen;
    return recorder;
  }

  addStep(loss: number, selectedCorrupted: number, selectedCount: number): void {
    this.lossSum += loss;
    this.lossCount++;
    this.noisy += selectedCorrupted;
    this.seen += selectedCount;
  }

  point(step: number, testAccuracy: number, flops: Flops, wallMs: number): CurvePoint {
    const point: CurvePoint = {
      step,
      testAccuracy,
      trainLoss: this.lossCount > 0 ? this.lossSum / this.lossCount : null,
      flops,
      wallMs,
      noisySelectedFraction: this.seen > 0 ? this.noisy / this.seen : null,
    };
    this.points.push(point);
    this.lossSum = this.lossCount = this.noisy = this.seen = 0;
    return point;
  }

  get lastStep(): number | undefined {
    return this.points[this.points.length - 1]?.step;
  }
}
