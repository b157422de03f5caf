import { describe, expect, it } from 'vitest';
import { benchProblems, benchTableLine, type BenchResults } from './benchResults';

function results(overrides: Partial<Record<'efficiency' | 'overhead' | 'tensorsEnd' | 'bytesEnd', number>> = {}): BenchResults {
  const at = (value: number, step: number) => ({ value, backend: 'wasm', variant: 'ViT-Ti/4 + ViT-Mi/8', step });
  return {
    backend: 'wasm',
    quick: true,
    engineEfficiency: { value: overrides.efficiency ?? 0.2, backend: 'wasm', variant: 'ViT-S/4', batch: 64, trainStepMs: 100, matmulShape: [1088, 48, 96] },
    selectionOverheadRatio: { value: overrides.overhead ?? 1, backend: 'wasm', variant: 'ViT-Ti/4 + ViT-Mi/8', measuredRatio: 1.1, predictedRatio: 1.1, steps: 20, learner: 'ViT-Ti/4', batch: 64 },
    throughput: {},
    tensorsAfterWarmup: at(82, 20),
    tensorsAfterN: at(overrides.tensorsEnd ?? 82, 100),
    bytesAfterWarmup: at(4096, 20),
    bytesAfterN: at(overrides.bytesEnd ?? 4096, 100),
    peerRatio: { value: null, backend: 'wasm', variant: 'ViT-S/4', peer: null },
    threadSpeedup: { value: null, backend: 'wasm', variant: 'ViT-S/4', threads: 1, oneThreadMs: null, allThreadsMs: null, reason: 'Node', batch: 64 },
    defaultExperimentSeconds: null,
  };
}

describe('benchProblems (the quick mode check)', () => {
  it('passes computed ratios and flat memory', () => {
    expect(benchProblems(results())).toEqual([]);
  });

  it('names a ratio that is not a number', () => {
    expect(benchProblems(results({ efficiency: NaN }))).toEqual(['engineEfficiency is NaN, not a number']);
    expect(benchProblems(results({ overhead: Infinity }))).toEqual(['selectionOverheadRatio is Infinity, not a number']);
  });

  it('names memory that grew, with both figures and steps', () => {
    expect(benchProblems(results({ tensorsEnd: 83 }))).toEqual(['tensor count grew from 82 (step 20) to 83 (step 100)']);
    expect(benchProblems(results({ bytesEnd: 8192 }))).toEqual(['backend bytes grew from 4096 (step 20) to 8192 (step 100)']);
  });
});

describe('benchProblems: coreContention', () => {
  const contention = (value: number, loadSteps: number) => ({ value, aloneMs: 20, loadedMs: 20 * value, loadSteps, batch: 64, backend: 'wasm', variant: 'ViT-Ti/4' });

  it('passes a measured contention whose load thread trained', () => {
    expect(benchProblems({ ...results(), coreContention: contention(1.3, 12) })).toEqual([]);
  });

  it('names a contention figure measured without a load, or not a number', () => {
    expect(benchProblems({ ...results(), coreContention: contention(1, 0) })).toEqual([
      'coreContention is 1 with 0 load-thread steps: the second thread must train while the learner is timed',
    ]);
    expect(benchProblems({ ...results(), coreContention: contention(NaN, 5) })[0]).toMatch(/^coreContention is NaN/);
  });
});

describe('benchTableLine', () => {
  it('aligns values in one column', () => {
    const a = benchTableLine({ label: 'short', value: '1' });
    const b = benchTableLine({ label: 'a much longer label', value: '2' });
    expect(a.indexOf('1')).toBe(b.indexOf('2'));
  });
});
