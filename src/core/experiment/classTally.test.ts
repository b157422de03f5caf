import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { flops } from '../accounting/units';
import type { Split } from '../data/dataset';
import type { ImageClassifier } from '../models/imageClassifier';
import { switchToTestBackend } from '../testing/testBackend';
import { DeviceSplit } from '../train/deviceData';
import { evaluate } from '../train/evaluate';
import { classAccuracies, sharesOf, tallyClasses, worstClassAccuracy } from './classTally';
import { CurveRecorder } from './curveRecorder';

describe('per-class tallies (by hand)', () => {
  it('counts picks by class and turns counts into shares', () => {
    const counts = [0, 0, 0];
    tallyClasses(counts, Int32Array.from([2, 0, 1, 2, 2]), Int32Array.from([0, 3, 4, 1]));
    expect(counts).toEqual([1, 0, 3]);
    expect(sharesOf(counts)).toEqual([0.25, 0, 0.75]);
    expect(sharesOf([0, 0, 0])).toBeNull();
  });

  it('per-class accuracy is hits ÷ examples; a class without examples is null and not the worst', () => {
    const accuracy = classAccuracies([1, 0, 2], [2, 0, 4]);
    expect(accuracy).toEqual([0.5, null, 0.5]);
    expect(worstClassAccuracy([0.9, null, 0.25])).toBe(0.25);
    expect(worstClassAccuracy([null])).toBeNull();
  });

  it('the recorder tallies training labels and true classes separately, per interval, and keeps them across a snapshot', () => {
    const labels = Int32Array.from([0, 1, 1, 0]);
    const trueLabels = Int32Array.from([0, 1, 0, 0]); // example 2 is label noise: trained as 1, truly 0
    const recorder = new CurveRecorder(2);
    recorder.point(0, 0.5, flops(0), 0, { hits: [1, 1], counts: [2, 2] });
    expect(recorder.points[0]?.classPickShare).toBeUndefined();
    recorder.addStep(1, 0, 2);
    recorder.addPicks(labels, trueLabels, Int32Array.from([2, 3]));
    const resumed = CurveRecorder.fromSnapshot(structuredClone(recorder.snapshot()), 2);
    for (const r of [recorder, resumed]) {
      r.addStep(1, 0, 2);
      r.addPicks(labels, trueLabels, Int32Array.from([1, 2]));
      const point = r.point(2, 0.75, flops(0), 0, { hits: [2, 1], counts: [2, 2] });
      expect(point.classPickShare).toEqual([0.25, 0.75]); // training labels 1, 0, 1, 1
      expect(point.trueClassPickShare).toEqual([0.75, 0.25]); // true classes 0, 0, 1, 0
      expect(point.classAccuracy).toEqual([1, 0.5]);
      expect(point.worstClassAccuracy).toBe(0.5);
    }
    // The next interval starts from zero.
    recorder.addPicks(labels, trueLabels, Int32Array.from([0]));
    expect(recorder.point(3, 0.75, flops(0), 0).classPickShare).toEqual([1, 0]);
  });

  it('without classes (image–caption data) points carry no per-class fields', () => {
    const recorder = new CurveRecorder();
    recorder.addPicks(Int32Array.from([0]), Int32Array.from([0]), Int32Array.from([0]));
    const point = recorder.point(1, 0.5, flops(0), 0, { hits: [1], counts: [1] });
    expect(Object.keys(point).filter((k) => k.startsWith('class') || k.includes('Class'))).toEqual([]);
  });
});

describe('evaluate: per-class accuracy in the same pass', () => {
  beforeAll(() => switchToTestBackend('cpu'));

  it('tallies hits by class over padded batches, and they add up to the accuracy', async () => {
    // Logits are the images themselves: example i predicts argmax of its 3 "pixels".
    const predicted = [0, 1, 1, 2, 0];
    const labels = Int32Array.from([0, 0, 1, 2, 2]);
    const split: Split = {
      count: 5,
      images: Float32Array.from(predicted.flatMap((p) => [0, 1, 2].map((c) => (c === p ? 1 : 0)))),
      labels,
      trueLabels: labels,
      corruption: new Uint8Array(5),
    };
    const device = new DeviceSplit(split, 3);
    const model = { logits: (images: tf.Tensor2D) => tf.clone(images) } as unknown as ImageClassifier;
    try {
      const result = await evaluate(model, device, 2); // batches of 2: the third wraps around, its padding not counted
      expect(result.classHits).toEqual({ hits: [1, 1, 1], counts: [2, 1, 2] });
      expect(result.accuracy).toBe(3 / 5);
      expect(classAccuracies(result.classHits!.hits, result.classHits!.counts)).toEqual([0.5, 1, 0.5]);
    } finally {
      device.dispose();
    }
  });
});
