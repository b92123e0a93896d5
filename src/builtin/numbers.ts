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
