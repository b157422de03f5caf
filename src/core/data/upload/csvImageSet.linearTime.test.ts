import { describe, expect, it } from 'vitest';
import { parseCsvImageSet } from './csvImageSet';
import { bytesOf, makeCsv } from './testCsv';
import { DatasetFileError } from './uploadLimits';

/** The budget the reliability issue sets for a 1 MB cell: the whole parse, refusal included, under 1 s. */
const BUDGET_MS = 1000;

/** Cells a backtracking number pattern chokes on: long runs that almost form a number, then fail at the end. */
const HOSTILE_CELLS: Record<string, (n: number) => string> = {
  'digits then x': (n) => `${'1'.repeat(n)}x`,
  'decimal then x': (n) => `1.${'1'.repeat(n)}x`,
  'exponent then x': (n) => `1e${'1'.repeat(n)}x`,
  'quoted digits then x': (n) => `"${'1'.repeat(n)}x"`,
  'signs and dots': (n) => '+.'.repeat(n / 2),
};

function timeParse(csv: string): { ms: number; error: unknown } {
  const bytes = bytesOf(csv);
  const started = performance.now();
  try {
    parseCsvImageSet(bytes, { fileName: 'big.csv' });
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('parseCsvImageSet on hostile cells (linear time)', () => {
  // Growing sizes: a quadratic parser blows the budget at a small size already (64 kB took ~2 s),
  // so the test fails in seconds instead of running for minutes.
  const sizes = [16, 64, 256, 1024].map((kB) => kB * 1024);
  const good = makeCsv({ classes: 2, perClass: 3, side: 2 }).trim().split('\n');

  it.each(Object.entries(HOSTILE_CELLS))('%s: a cell of up to 1 MB on line 1 or in a data row is refused within 1 s', (_, cell) => {
    for (const n of sizes) {
      for (const csv of [`${cell(n)},1,2,3,4\n${good.join('\n')}`, [good[0], `0,1,${cell(n)},3,4`, ...good.slice(1)].join('\n')]) {
        const { ms, error } = timeParse(csv);
        expect(error).toBeInstanceOf(DatasetFileError);
        expect((error as Error).message.length).toBeLessThan(400);
        expect(ms, `${n} characters took ${ms.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
      }
    }
  });

  it('names the cell, cut short, in the message', () => {
    const { error } = timeParse(`0,1,${'1'.repeat(100)}x,3,4\n${good.join('\n')}`);
    expect((error as Error).message).toBe(
      'big.csv: line 1, column 3 (pixel 1): "111111111111111111111111…" is not a number; pixels must be numbers from 0 to 255 (or 0 to 1 for the whole file)',
    );
  });
});
