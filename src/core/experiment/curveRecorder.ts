import type { CurvePoint } from './resultTypes';

/** Accumulates per-step figures between evaluations and turns them into curve points. */
export class CurveRecorder {
  readonly points: CurvePoint[] = [];
  private lossSum = 0;
  private lossCount = 0;
  private noisy = 0;
  private seen = 0;

  addStep(loss: number, selectedCorrupted: number, selectedCount: number): void {
    this.lossSum += loss;
    this.lossCount++;
    this.noisy += selectedCorrupted;
    this.seen += selectedCount;
  }

  point(step: number, testAccuracy: number, flops: number, wallMs: number): CurvePoint {
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
