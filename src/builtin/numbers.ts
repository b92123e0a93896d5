/**
 * Numbers as Redis reads and writes them. Arguments are bytes; an integer is what Redis's string2ll
 * accepts (optional '-', no '+', no leading zeros, no spaces, within 64 bits).
 */
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export const NOT_INTEGER = 'ERR value is not an integer or out of range';
export const NOT_FLOAT = 'ERR value is not a valid float';

/** A 64-bit integer, or null when the bytes are not one. */
export function parseInt64(buf: Buffer): bigint | null {
  const n = buf.length;
  if (n === 0) return null;
  if (n <= 15) {
    const v = parseInteger(buf);
    return v === null ? null : BigInt(v);
  }
  if (n > 20) return null;
  const i = buf[0] === 0x2d ? 1 : 0;
  if (buf[i] === 0x30) return null;
  for (let j = i; j < n; j++) {
    const c = buf[j]!;
    if (c < 0x30 || c > 0x39) return null;
  }
  const v = BigInt(buf.toString('latin1'));
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

/** Like parseInt64 but as a JS number (exact below 2^53, which every count and index here is). */
export function parseInteger(buf: Buffer): number | null {
  const n = buf.length;
  if (n > 0 && n <= 15) {
    let i = 0;
    if (buf[0] === 0x2d) {
      if (n === 1) return null;
      i = 1;
    }
    if (buf[i] === 0x30) return n === 1 ? 0 : null;
    for (let j = i; j < n; j++) {
      const c = buf[j]!;
      if (c < 0x30 || c > 0x39) return null;
    }
    let v = 0;
    for (let j = i; j < n; j++) v = v * 10 + (buf[j]! - 0x30);
    return i === 1 ? -v : v;
  }
  if (n === 0) return null;
  const big = parseInt64(buf);
  return big === null ? null : Number(big);
}

export function inInt64(v: bigint): boolean {
  return v >= INT64_MIN && v <= INT64_MAX;
}

const FLOAT_SYNTAX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity)$/i;

/**
 * A double as strtold reads it (leading space, trailing bytes and NaN refused), or null.
 * Hexadecimal floats, which strtold also reads, are not accepted here.
 */
export function parseFloatArg(buf: Buffer): number | null {
  if (buf.length === 0 || buf.length > 5000) return null;
  const text = buf.toString('latin1');
  if (!FLOAT_SYNTAX.test(text)) return null;
  const lower = text.toLowerCase();
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return text.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

/**
 * Shortest-double form in fixed notation (no exponent), trailing zeros removed. Redis's INCRBYFLOAT and
 * HINCRBYFLOAT compute in long double: long-double.ts reproduces those digits exactly; prefer it.
 */
export function formatHumanDouble(x: number): string {
  if (x === 0) return '0';
  if (Number.isInteger(x)) return BigInt(x).toString();
  const s = String(x);
  if (!s.includes('e')) return s;
  const fixed = x.toFixed(17).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' || fixed === '' ? '0' : fixed;
}
