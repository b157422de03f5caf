import type { Split } from '../data/dataset';
import { createRng } from '../random/rng';
import { flops } from '../accounting/units';
import { CurveRecorder } from '../experiment/curveRecorder';

/**
 * What the per-class tallies add to one training step (issue 16): ms per step of the recorder's
 * class tallies (training label and true class) over `batchSize` picked examples, timed over
 * `steps` steps of seeded random picks, with an evaluation point every 10 steps as in a run.
 * The tallies are the only per-step work the per-class view adds; per-class accuracy comes from the
 * evaluation pass, which training wall time does not include.
 */
export function perClassTallyMs(train: Split, numClasses: number, batchSize: number, steps: number): number {
  const rng = createRng(1);
  const picks = Array.from({ length: 64 }, () => Int32Array.from({ length: batchSize }, () => rng.int(train.count)));
  const recorder = new CurveRecorder(numClasses);
  const hits = { hits: new Array<number>(numClasses).fill(1), counts: new Array<number>(numClasses).fill(2) };
  const started = performance.now();
  for (let s = 0; s < steps; s++) {
    recorder.addPicks(train.labels, train.trueLabels, picks[s % picks.length] as Int32Array);
    if (s % 10 === 9) recorder.point(s, 0.5, flops(0), 0, hits);
  }
  return (performance.now() - started) / steps;
}
