import { POLICY_NAMES } from '../../core/config/experimentConfig';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config/experimentConfig';
import { parseResultJson, resultToJson } from './exportImport';
import { SAMPLE_RESULT } from './sampleResult.fixture';
import type { ExperimentResult } from '../../core/experiment/resultTypes';

/** The sample as plain JSON data, for building broken variants. */
function sample(): Record<string, unknown> & { runs: Record<string, unknown>[] } {
  return JSON.parse(resultToJson(SAMPLE_RESULT)) as Record<string, unknown> & { runs: Record<string, unknown>[] };
}

function messageOf(data: unknown): string {
  const parsed = parseResultJson(typeof data === 'string' ? data : JSON.stringify(data));
  return parsed.ok ? '(parsed)' : parsed.message;
}

describe('result JSON export / import', () => {
  it('round-trips: parse(resultToJson(r)) equals r and re-serialises byte-identical', () => {
    const text = resultToJson(SAMPLE_RESULT);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "config": {\n    "dataset": "synthetic"');
    const parsed = parseResultJson(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.result).toEqual(SAMPLE_RESULT);
    expect(resultToJson(parsed.result)).toBe(text);
  });

  it('round-trips per-class figures: class names, hard classes, pick shares and per-class accuracy', () => {
    const withClasses: ExperimentResult = {
      ...SAMPLE_RESULT,
      classNames: ['T-shirt/top', 'Trouser', '=cmd'],
      hardClasses: [0, 2],
      runs: SAMPLE_RESULT.runs.map((run) => ({
        ...run,
        curve: run.curve.map((p, i) =>
          i === 0
            ? { ...p, classAccuracy: [0.1, null, 0.3], worstClassAccuracy: 0.1 }
            : {
                ...p,
                classPickShare: [0.5, 0.25, 0.25],
                trueClassPickShare: [0.25, 0.5, 0.25],
                classAccuracy: [0.5, 1, 0.75],
                worstClassAccuracy: 0.5,
              },
        ),
      })),
    };
    const text = resultToJson(withClasses);
    const parsed = parseResultJson(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.result).toEqual(withClasses);
    expect(resultToJson(parsed.result)).toBe(text);
  });

  it('reads a file saved before stop reasons were typed: the old sentence becomes { reason, detail }', () => {
    const old = sample();
    old.runs[1]!.stoppedEarly = 'diverged at step 30';
    const parsed = parseResultJson(JSON.stringify(old));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.result.runs[1]?.stoppedEarly).toEqual({ reason: 'diverged', detail: 'diverged at step 30' });
    const bad = sample();
    bad.runs[1]!.stoppedEarly = { reason: 'bored', detail: 'x' };
    expect(messageOf(bad)).toMatch(
      /^runs\[1\]\.stoppedEarly: expected \{ reason: user \| diverged \| unfinished, detail: text \}.*, got an object$/,
    );
  });

  it('reports malformed JSON with the parse error', () => {
    expect(messageOf('{"config": ')).toMatch(/^not valid JSON: .+/);
    expect(messageOf('')).toMatch(/^not valid JSON: /);
  });

  it('names the path of each malformed part', () => {
    const s1 = sample();
    (s1.runs[1]?.curve as Record<string, unknown>[])[3]!.testAccuracy = 'x';
    expect(messageOf(s1)).toBe('runs[1].curve[3].testAccuracy: expected a number from 0 to 1, got "x"');

    expect(messageOf([1, 2])).toBe('(result): expected an object with config, backend, runs and comparisons, got an array');

    const s2 = sample();
    delete s2.comparisons;
    expect(messageOf(s2)).toBe('comparisons: missing; a result has config, backend, runs and comparisons');

    expect(messageOf({ ...sample(), config: { ...DEFAULT_CONFIG, trainSize: 5 } })).toBe(
      'config.trainSize: 5 is not allowed; expected an integer from 256 to 60000',
    );

    expect(messageOf({ ...sample(), config: 'none' })).toBe('config must be an object of settings, got string');

    expect(messageOf({ ...sample(), backend: 3 })).toBe('backend: expected a string, got 3');

    expect(messageOf({ ...sample(), runs: {} })).toBe('runs: expected an array, got an object');

    const s3 = sample();
    delete s3.runs[0]!.id;
    expect(messageOf(s3)).toBe('runs[0].id: expected a string, got nothing');

    const s4 = sample();
    s4.runs[0]!.policy = 'best';
    expect(messageOf(s4)).toBe(`runs[0].policy: expected one of ${POLICY_NAMES.join(', ')}, got "best"`);

    const s5 = sample();
    (s5.runs[1]!.final as Record<string, unknown>).steps = 2.5;
    expect(messageOf(s5)).toBe('runs[1].final.steps: expected an integer ≥ 0, got 2.5');

    const s6 = sample();
    s6.runs[0]!.curve = null;
    expect(messageOf(s6)).toBe('runs[0].curve: expected an array, got null');

    const s7 = sample();
    (s7.comparisons as Record<string, unknown>[])[0]!.computeSaving = 'lots';
    expect(messageOf(s7)).toBe('comparisons[0].computeSaving: expected a number from -1000000 to 1 or null, got "lots"');

    const upload = {
      fileName: 'd.csv',
      source: 'csv',
      examples: 450,
      classNames: ['0', '1'],
      classCounts: [225, 225],
      width: 8,
      height: 8,
      bytes: 9000,
      contentHash: '5d090ea2b16c792b',
    };
    expect(messageOf({ ...sample(), uploadedDataset: { ...upload, contentHash: 'zz' } })).toBe(
      'uploadedDataset.contentHash: expected 16 hex digits, got "zz"',
    );
    expect(messageOf({ ...sample(), uploadedDataset: { ...upload, examples: 0 } })).toBe(
      'uploadedDataset.examples: expected an integer ≥ 1, got 0',
    );
    expect(parseResultJson(JSON.stringify({ ...sample(), uploadedDataset: upload }))).toMatchObject({
      ok: true,
      result: { uploadedDataset: upload },
    });
  });
});
