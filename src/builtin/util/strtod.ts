/**
 * Doubles exactly as Redis 7.0 reads sorted-set scores: C's `strtod` (hex floats, "inf", leading spaces
 * and all), with the checks Redis layers on top. Integers: see ../numbers.ts (string2ll).
 */

/** What C's strtod reads from the start of `text`: the value, where it stopped, and whether it set ERANGE. */
export interface StrtodResult {
  value: number;
  /** Index of the first character not consumed; 0 when nothing was converted (even after spaces). */
  end: number;
  erange: boolean;
}

const SPACE = /^[ \t\n\v\f\r]*/;
const INFINITY = /^(infinity|inf)/i;
const NAN = /^nan(\([0-9A-Za-z_]*\))?/i;
const HEX = /^0[xX]([0-9a-fA-F]*)(\.([0-9a-fA-F]*))?([pP][+-]?[0-9]+)?/;
const DECIMAL = /^([0-9]*)(\.([0-9]*))?([eE][+-]?[0-9]+)?/;

export function strtod(text: string): StrtodResult {
  const lead = SPACE.exec(text)![0].length;
  let i = lead;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') negative = text[i++] === '-';
  const rest = text.slice(i);
  const sign = (v: number): number => (negative ? -v : v);

  const inf = INFINITY.exec(rest);
  if (inf) return { value: sign(Infinity), end: i + inf[0].length, erange: false };
  const nan = NAN.exec(rest);
  if (nan) return { value: NaN, end: i + nan[0].length, erange: false };

  const hex = HEX.exec(rest);
  if (hex && (hex[1]!.length > 0 || (hex[3] ?? '').length > 0)) {
    return finish(sign(hexValue(hex[1]!, hex[3] ?? '', hex[4])), i + hex[0].length, /[1-9a-fA-F]/.test(hex[1]! + (hex[3] ?? '')));
  }
  const dec = DECIMAL.exec(rest)!;
  const intDigits = dec[1]!;
  const fracDigits = dec[3] ?? '';
  if (intDigits.length === 0 && fracDigits.length === 0) return { value: 0, end: 0, erange: false };
  // "1.e5" and "1." are fine for strtod; Number() wants a digit after the point, so rebuild the text.
  const literal = `${intDigits || '0'}.${fracDigits || '0'}${dec[4] ?? ''}`;
  return finish(sign(Number(literal)), i + dec[0].length, /[1-9]/.test(intDigits + fracDigits));
}

function finish(value: number, end: number, nonZeroDigits: boolean): StrtodResult {
  const erange = !Number.isFinite(value) || (value === 0 && nonZeroDigits);
  return { value, end, erange };
}

function hexValue(intPart: string, fracPart: string, exponent: string | undefined): number {
  const mantissa = BigInt('0x' + (intPart + fracPart || '0'));
  const power = (exponent ? Number(exponent.slice(1)) : 0) - 4 * fracPart.length;
  return Number(mantissa) * 2 ** power;
}

/**
 * Redis's getDoubleFromObject: the whole argument must be a double, no leading space, no overflow
 * or underflow to zero, not NaN ("inf" and "-inf" are fine).
 */
export function parseDouble(text: string): number | undefined {
  if (text.length === 0 || SPACE.exec(text)![0].length > 0) return undefined;
  const r = strtod(text);
  if (r.end !== text.length || Number.isNaN(r.value)) return undefined;
  if (r.erange && (!Number.isFinite(r.value) || r.value === 0)) return undefined;
  return r.value;
}
