const isDigit = (code: number) => code >= 48 && code <= 57;

/** Index of the first non-digit at or after `from`. */
function skipDigits(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether `text` is a plain decimal number: an optional sign, digits with an optional decimal point
 * (`12`, `1.5`, `.5`, `5.`), an optional exponent (`1e3`, `2.5E-2`). No hex, binary, octal,
 * `Infinity`, separators or spaces. One left-to-right pass (no regular expression, so no
 * backtracking): the time is linear in the length whatever the text.
 */
export function isDecimalNumber(text: string): boolean {
  let i = text[0] === '+' || text[0] === '-' ? 1 : 0;
  const integerEnd = skipDigits(text, i);
  let mantissaDigits = integerEnd - i;
  i = integerEnd;
  if (text[i] === '.') {
    const fractionEnd = skipDigits(text, i + 1);
    mantissaDigits += fractionEnd - i - 1;
    i = fractionEnd;
  }
  if (mantissaDigits === 0) return false;
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    const exponentEnd = skipDigits(text, i);
    if (exponentEnd === i) return false;
    i = exponentEnd;
  }
  return i === text.length;
}

/** The value of a plain decimal number (see isDecimalNumber), or NaN for anything else. */
export function parseDecimal(text: string): number {
  return isDecimalNumber(text) ? Number(text) : Number.NaN;
}
