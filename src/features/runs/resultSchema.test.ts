import { POLICY_NAMES } from '../../core/config/experimentConfig';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config/experimentConfig';
import { MAX_IMPORT_BYTES, parseResultJson } from './exportImport';
import { MAX_CURVE_POINTS, checkResult } from './resultSchema';

/** A real result.json written by the CLI (micro preset: uniform, learnability, hard). */
const REAL = readFileSync(new URL('./microResult.fixture.json', import.meta.url), 'utf8');
type Data = Record<string, unknown> & {
  config: Record<string, unknown>;
  runs: Record<string, unknown>[];
  comparisons: Record<string, unknown>[];
};
const real = () => JSON.parse(REAL) as Data;

function messageOf(data: unknown): string {
  const checked = checkResult(data);
  return checked.ok ? '(accepted)' : checked.message;
}

describe('result schema', () => {
  it('accepts the real result unchanged', () => {
    const checked = checkResult(real());
    expect(checked.ok && checked.result).toEqual(real());
  });

  it("checks a run's optional pipeline report, naming the bad field", () => {
    const pipelined = {
      mode: 'pipelined',
      reason: null,
      depth: 2,
      scorer: 'worker',
      learnerBusy: 0.9,
      scorerBusy: 0.6,
      queueWaitMs: 120,
      scorerBlockedMs: 3000,
      meanQueueFill: 1.4,
    };
    const withPipeline = (pipeline: unknown) => {
      const d = real();
      d.runs[1]!.pipeline = pipeline;
      return d;
    };
    expect(messageOf(withPipeline(pipelined))).toBe('(accepted)');
    expect(messageOf(withPipeline({ ...pipelined, mode: 'parallel' }))).toMatch(
      /^runs\[1\]\.pipeline\.mode: expected pipelined or sequential/,
    );
    expect(messageOf(withPipeline({ ...pipelined, queueWaitMs: -1 }))).toMatch(/^runs\[1\]\.pipeline\.queueWaitMs: /);
  });

  it('refuses each field the issue found missing, naming its path (these blanked the lab)', () => {
    const cases: [string, (d: Data) => void, string][] = [
      ['config.policies', (d) => delete d.config.policies, '(accepted)'],
      [
        'comparisons[0].scorerFlopRatio',
        (d) => delete d.comparisons[0]!.scorerFlopRatio,
        'comparisons[0].scorerFlopRatio: expected a number ≥ 0 or null, got nothing',
      ],
      [
        'comparisons[0].overheadRatio',
        (d) => delete d.comparisons[0]!.overheadRatio,
        'comparisons[0].overheadRatio: expected a number ≥ 0, got nothing',
      ],
      ['runs[0].phaseFlops', (d) => delete d.runs[0]!.phaseFlops, 'runs[0].phaseFlops: expected an object, got nothing'],
    ];
    for (const [, edit, message] of cases) {
      const d = real();
      edit(d);
      expect(messageOf(d)).toBe(message);
    }
  });

  it('per-class fields are optional (the real record has none) and checked when present, naming the path', () => {
    expect(real().classNames).toBeUndefined();
    const withClasses = () => {
      const data = real();
      const point = data.runs[0]!.curve as Record<string, unknown>[];
      point[1]!.classPickShare = [0.25, 0.75];
      point[1]!.classAccuracy = [0.5, null];
      point[1]!.worstClassAccuracy = 0.5;
      return { ...data, classNames: ['cat', 'dog'], hardClasses: [1] };
    };
    expect(messageOf(withClasses())).toBe('(accepted)');
    const pointOf = (data: Data) => (data.runs[0]!.curve as Record<string, unknown>[])[1]!;
    const cases: [(d: Data) => void, string][] = [
      [
        (d) => (pointOf(d).classPickShare = [0.25, 0.5, 0.25]),
        'runs[0].curve[1].classPickShare: 3 entries, but the result names 2 classes',
      ],
      [(d) => (pointOf(d).classPickShare = [0.25, 'x']), 'runs[0].curve[1].classPickShare[1]: expected a number from 0 to 1, got "x"'],
      [
        (d) => (pointOf(d).classAccuracy = [1.5, null]),
        'runs[0].curve[1].classAccuracy[0]: expected a number from 0 to 1 or null, got 1.5',
      ],
      [(d) => (pointOf(d).worstClassAccuracy = null), 'runs[0].curve[1].worstClassAccuracy: expected a number from 0 to 1, got null'],
      [(d) => (d.hardClasses = [2]), 'hardClasses[0]: expected an integer from 0 to 1, got 2'],
      [(d) => (d.classNames = [1, 2]), 'classNames[0]: expected a string, got 1'],
      [(d) => delete d.classNames, 'hardClasses: given without classNames; a result names its classes to mark hard ones'],
    ];
    for (const [breakIt, message] of cases) {
      const data = withClasses() as Data;
      breakIt(data);
      expect(messageOf(data)).toBe(message);
    }
  });

  it('fills a missing config setting with its default (what the UI reads is then complete)', () => {
    const d = real();
    delete d.config.policies;
    const checked = checkResult(d);
    expect(checked.ok && checked.result.config.policies).toEqual(DEFAULT_CONFIG.policies);
  });

  it('names retyped and out-of-range fields', () => {
    const d1 = real();
    (d1.runs[1]!.phaseFlops as Record<string, unknown>).online = '7';
    expect(messageOf(d1)).toBe('runs[1].phaseFlops.online: expected a number ≥ 0, got "7"');
    const d2 = real();
    d2.comparisons[1]!.learnerSaving = 3;
    expect(messageOf(d2)).toBe('comparisons[1].learnerSaving: expected a number from -1000000 to 1 or null, got 3');
    const d3 = real();
    d3.comparisons[0]!.computePositive = 'yes';
    expect(messageOf(d3)).toBe('comparisons[0].computePositive: expected true, false or null, got "yes"');
    const d4 = real();
    (d4.runs[2]!.modelFlops as Record<string, unknown>).learner = -1;
    expect(messageOf(d4)).toBe('runs[2].modelFlops.learner: expected a number ≥ 0, got -1');
    const d5 = real();
    d5.runs[1]!.id = 'uniform';
    expect(messageOf(d5)).toBe('runs[1].id: "uniform" names two runs; run ids must be unique');
    const d6 = real();
    d6.failure = { runId: 'hard' };
    expect(messageOf(d6)).toBe('failure.message: expected a string, got nothing');
  });

  it('never takes an inherited key (constructor, toString, __proto__) for a field', () => {
    const d1 = real();
    delete d1.runs[0]!.curve;
    expect(messageOf(d1)).toBe('runs[0].curve: expected an array, got nothing');
    const d2 = JSON.parse(REAL.replace('"dataset": "synthetic"', '"constructor": 1, "dataset": "synthetic"')) as Data;
    expect(messageOf(d2)).toMatch(/^config\.constructor: unknown setting; known settings: dataset, /);
    const d3 = JSON.parse(REAL.replace('"dataset": "synthetic"', '"__proto__": {"steps": 5}, "dataset": "synthetic"')) as Data;
    expect(messageOf(d3)).toMatch(/^config\.__proto__: unknown setting/);
    const d4 = real();
    d4.runs[0]!.policy = 'toString';
    expect(messageOf(d4)).toBe(`runs[0].policy: expected one of ${POLICY_NAMES.join(', ')}, got "toString"`);
  });

  it('caps curve points and text sizes, and parseResultJson caps the file size, naming the limit', () => {
    const d = real();
    const point = (d.runs[0]!.curve as unknown[])[1];
    d.runs[0]!.curve = Array.from({ length: MAX_CURVE_POINTS + 1 }, () => point);
    expect(messageOf(d)).toBe(`runs[0].curve: too many evaluation points; a result holds at most ${MAX_CURVE_POINTS} in all`);
    const long = real();
    long.runs[0]!.id = 'x'.repeat(10_001);
    expect(messageOf(long)).toBe('runs[0].id: 10001 characters is too long; at most 10000 are allowed');
    const big = parseResultJson(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(big).toEqual({ ok: false, message: '20.0 MB is too large to import; a result.json may be at most 20 MB' });
  });
});
