import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { isDecimalNumber, parseDecimal } from './decimalNumber';

/** The pattern the CSV parser used before (backtracking: quadratic on long cells); equivalent on short text. */
const OLD_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

describe('isDecimalNumber', () => {
  it.each(['0', '255', '-3', '+7', '1.5', '.5', '5.', '1e3', '2.5E-2', '1e+9', '007'])('accepts %j', (text) => {
    expect(isDecimalNumber(text)).toBe(true);
    expect(parseDecimal(text)).toBe(Number(text));
  });

  it.each([
    '',
    '.',
    '+',
    '-',
    'e3',
    '1e',
    '1e+',
    '0x10',
    '0b11',
    '0o7',
    'Infinity',
    'NaN',
    ' 1',
    '1 ',
    '1_000',
    '1..2',
    '1.2.3',
    '--1',
    '١',
  ])('refuses %j', (text) => {
    expect(isDecimalNumber(text)).toBe(false);
    expect(parseDecimal(text)).toBeNaN();
  });

  it('agrees with the old pattern on 20,000 random short strings (seeded)', () => {
    const rng = createRng(7);
    const alphabet = ['0', '1', '9', '.', '+', '-', 'e', 'E', 'x', ' ', 'b'];
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: rng.int(8) }, () => alphabet[rng.int(alphabet.length)]).join('');
      expect(isDecimalNumber(text), JSON.stringify(text)).toBe(OLD_PATTERN.test(text));
    }
  });
});
