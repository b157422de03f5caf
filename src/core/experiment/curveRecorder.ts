import type { Flops } from '../accounting/units';
import { classAccuracies, sharesOf, tallyClasses, worstClassAccuracy } from './classTally';
import type { CurvePoint } from './resultTypes';
import type { ClassHits } from '../train/evaluate';

/** The recorder's points and the sums since the last one (checkpoints). */
export interface CurveRecorderState {
  points: CurvePoint[];
  lossSum: number;
  lossCount: number;
  noisy: number;
  seen: number;
  /** Picks per class since the last point, by training label and by true class (empty: no per-class tallies). */
  classPicks?: number[];
  trueClassPicks?: number[];
}

const copyPoint = (p: CurvePoint): CurvePoint => {
  const copy = { ...p };
  if (p.classPickShare) copy.classPickShare = [...p.classPickShare];
  if (p.trueClassPickShare) copy.trueClassPickShare = [...p.trueClassPickShare];
  if (p.classAccuracy) copy.classAccuracy = [...p.classAccuracy];
  return copy;
};

/**
 * Accumulates per-step figures between evaluations and turns them into curve points. Constructed
 * with the number of classes, it also tallies the picks per class (0: no per-class figures, as for
 * image–caption data).
 */
export class CurveRecorder {
  readonly points: CurvePoint[] = [];
  private lossSum = 0;
  private lossCount = 0;
  private noisy = 0;
  private seen = 0;
  private classPicks: number[];
  private trueClassPicks: number[];

  constructor(readonly numClasses = 0) {
    this.classPicks = new Array<number>(numClasses).fill(0);
    this.trueClassPicks = new Array<number>(numClasses).fill(0);
  }

  snapshot(): CurveRecorderState {
    return {
      points: this.points.map(copyPoint),
      lossSum: this.lossSum,
      lossCount: this.lossCount,
      noisy: this.noisy,
      seen: this.seen,
      classPicks: [...this.classPicks],
      trueClassPicks: [...this.trueClassPicks],
    };
  }

  /** A checkpoint taken before per-class tallies existed restores with zero counts. */
  static fromSnapshot(state: CurveRecorderState, numClasses = 0): CurveRecorder {
    const recorder = new CurveRecorder(numClasses);
    recorder.points.push(...state.points.map(copyPoint));
    recorder.lossSum = state.lossSum;
    recorder.lossCount = state.lossCount;
    recorder.noisy = state.noisy;
    recorder.seen = state.seen;
    if (state.classPicks?.length === numClasses) recorder.classPicks = [...state.classPicks];
    if (state.trueClassPicks?.length === numClasses) recorder.trueClassPicks = [...state.trueClassPicks];
    return recorder;
  }

  addStep(loss: number, selectedCorrupted: number, selectedCount: number): void {
    this.lossSum += loss;
    this.lossCount++;
    this.noisy += selectedCorrupted;
    this.seen += selectedCount;
  }

  /** Tallies the classes of the picked train-split indices (no-op without classes). */
  addPicks(labels: Int32Array, trueLabels: Int32Array, picked: Int32Array): void {
    if (this.numClasses === 0) return;
    tallyClasses(this.classPicks, labels, picked);
    tallyClasses(this.trueClassPicks, trueLabels, picked);
  }

  point(step: number, testAccuracy: number, flops: Flops, wallMs: number, classHits?: ClassHits): CurvePoint {
    const point: CurvePoint = {
      step,
      testAccuracy,
      trainLoss: this.lossCount > 0 ? this.lossSum / this.lossCount : null,
      flops,
      wallMs,
      noisySelectedFraction: this.seen > 0 ? this.noisy / this.seen : null,
    };
    if (this.numClasses > 0) {
      const picks = sharesOf(this.classPicks);
      const truePicks = sharesOf(this.trueClassPicks);
      if (picks) point.classPickShare = picks;
      if (truePicks) point.trueClassPickShare = truePicks;
      if (classHits) {
        point.classAccuracy = classAccuracies(classHits.hits, classHits.counts);
        const worst = worstClassAccuracy(point.classAccuracy);
        if (worst !== null) point.worstClassAccuracy = worst;
      }
      this.classPicks.fill(0);
      this.trueClassPicks.fill(0);
    }
    this.points.push(point);
    this.lossSum = this.lossCount = this.noisy = this.seen = 0;
    return point;
  }

  get lastStep(): number | undefined {
    return this.points[this.points.length - 1]?.step;
  }
}
