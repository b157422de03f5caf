import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../random/rng';
import { parseCsvImageSet } from './csvImageSet';
import { bytesOf, makeCsv } from './testCsv';
import { DatasetFileError, UPLOAD_LIMITS, type UploadLimits } from './uploadLimits';

// Small limits so that small inputs can also pass and the whole parser runs, not just its first checks.
const SMALL: UploadLimits = { ...UPLOAD_LIMITS, maxBytes: 4096, minPerClass: 2, minExamples: 6 };
const ALPHABET = [
  '0',
  '1',
  '9',
  '255',
  '256',
  ',',
  ',,',
  '.',
  '-',
  'e',
  '+',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '"',
  ';',
  '\t',
  'x',
  'label',
  '\u0000',
  'é',
  '\uFEFF',
  '1e3',
  'NaN',
  'Infinity',
];

const pick = <T>(items: readonly T[], rng: Rng): T => items[rng.int(items.length)] as T;

/** One random edit of a CSV text: insert/delete/replace characters, cells or lines, truncate, duplicate. */
function mutate(text: string, rng: Rng): string {
  const at = rng.int(text.length + 1);
  const lines = text.split('\n');
  const line = rng.int(lines.length);
  switch (rng.int(8)) {
    case 0:
      return text.slice(0, at) + pick(ALPHABET, rng) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + rng.int(4));
    case 2:
      return text.slice(0, at);
    case 3:
      lines.splice(line, 0, lines[rng.int(lines.length)] as string);
      return lines.join('\n');
    case 4:
      lines.splice(line, 1);
      return lines.join('\n');
    case 5: {
      const cells = (lines[line] as string).split(',');
      cells[rng.int(cells.length)] = pick(ALPHABET, rng);
      lines[line] = cells.join(',');
      return lines.join('\n');
    }
    case 6:
      return lines.map((l) => (rng.next() < 0.3 ? l.replace(/^\d/, String(rng.int(12))) : l)).join('\n');
    default:
      return Array.from({ length: rng.int(60) }, () => pick(ALPHABET, rng)).join('');
  }
}

describe('parseCsvImageSet fuzz (seeded)', () => {
  it('10,000 random and mutated CSVs: only DatasetFileError escapes, every rejection has a message, every acceptance is well-formed', () => {
    const rng = createRng(20240);
    const outcomes = { accepted: 0, rejected: 0 };
    const reasons = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const base = makeCsv({
        classes: 2 + rng.int(3),
        perClass: 2 + rng.int(3),
        side: 2 + rng.int(2),
        header: rng.next() < 0.3,
        scale: rng.next() < 0.2 ? 1 : 255,
        seed: i,
      });
      let text = base;
      for (let k = rng.int(4); k > 0; k--) text = mutate(text, rng);
      const limits = rng.next() < 0.9 ? SMALL : UPLOAD_LIMITS;
      const sized = rng.next() < 0.1 ? { width: 1 + rng.int(4), height: 1 + rng.int(4) } : {};
      try {
        const set = parseCsvImageSet(bytesOf(text), { fileName: 'f.csv', limits, ...sized });
        outcomes.accepted++;
        const K = set.info.classNames.length;
        expect(K).toBeGreaterThanOrEqual(2);
        expect(set.pixels.length).toBe(set.info.examples * 256);
        expect(set.info.classCounts.reduce((s, n) => s + n, 0)).toBe(set.info.examples);
        expect(set.labels.every((l) => l < K)).toBe(true);
      } catch (error) {
        if (!(error instanceof DatasetFileError)) throw new Error(`input ${i} threw ${String(error)}:\n${JSON.stringify(text)}`);
        expect(error.message.startsWith('f.csv: ')).toBe(true);
        expect(error.message.length).toBeGreaterThan('f.csv: '.length + 10);
        expect(error.where.length).toBeGreaterThan(0);
        outcomes.rejected++;
        reasons.add(
          error.message
            .replace(/\d+/g, '#')
            .replace(/"[^"]*"/g, '"…"')
            .slice(0, 60),
        );
      }
    }
    expect(outcomes.accepted + outcomes.rejected).toBe(10_000);
    // Both paths ran many times, and the rejections were for many different reasons.
    expect(outcomes.accepted).toBeGreaterThan(500);
    expect(outcomes.rejected).toBeGreaterThan(2000);
    expect(reasons.size).toBeGreaterThan(15);
  });
});
