/**
 * BITFIELD's integers: fields of 1 to 64 bits read and written most significant bit first at any bit
 * offset, and the overflow rules of Redis's checkSignedBitfieldOverflow and
 * checkUnsignedBitfieldOverflow, with C's 64-bit wrapping kept where it shows (SET i63 of -2^63 with
 * OVERFLOW SAT saturates to the maximum, as Redis does). Bytes past the end of `buf` read as zero.
 */

export type Overflow = 'wrap' | 'sat' | 'fail';

const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const i64 = (v: bigint): bigint => BigInt.asIntN(64, v);

export function readUnsigned(buf: Buffer, offset: number, bits: number): bigint {
  let value = 0n;
  for (let j = 0; j < bits; j++) {
    const pos = offset + j;
    const byte = Math.floor(pos / 8);
    const bit = byte < buf.length ? (buf[byte]! >> (7 - (pos % 8))) & 1 : 0;
    value = (value << 1n) | BigInt(bit);
  }
  return value;
}

export function readSigned(buf: Buffer, offset: number, bits: number): bigint {
  return BigInt.asIntN(bits, readUnsigned(buf, offset, bits));
}

/** Writes the low `bits` bits of `value` (two's complement for negatives); `buf` must reach them. */
export function writeField(buf: Buffer, offset: number, bits: number, value: bigint): void {
  const v = u64(value);
  for (let j = 0; j < bits; j++) {
    const pos = offset + j;
    const byte = Math.floor(pos / 8);
    const mask = 1 << (7 - (pos % 8));
    if ((v >> BigInt(bits - 1 - j)) & 1n) buf[byte] = buf[byte]! | mask;
    else buf[byte] = buf[byte]! & ~mask;
  }
}

/**
 * `value + incr` in a field of `bits` bits (SET passes the new value and 0): the result, or null when it
 * overflows under FAIL.
 */
export function addUnsigned(value: bigint, incr: bigint, bits: number, overflow: Overflow): bigint | null {
  const max = (1n << BigInt(bits)) - 1n;
  const maxIncr = i64(max - value);
  const minIncr = i64(-value);
  let dir = 0;
  if (value > max || (incr > 0n && incr > maxIncr)) dir = 1;
  else if (incr < 0n && incr < minIncr) dir = -1;
  if (dir === 0) return value + incr;
  if (overflow === 'fail') return null;
  if (overflow === 'sat') return dir > 0 ? max : 0n;
  return u64(value + incr) & max;
}

export function addSigned(value: bigint, incr: bigint, bits: number, overflow: Overflow): bigint | null {
  const max = bits === 64 ? 2n ** 63n - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxIncr = i64(max - value);
  const minIncr = i64(min - value);
  let dir = 0;
  if (value > max || (bits !== 64 && incr > maxIncr) || (value >= 0n && incr > 0n && incr > maxIncr)) dir = 1;
  else if (value < min || (bits !== 64 && incr < minIncr) || (value < 0n && incr < 0n && incr < minIncr)) dir = -1;
  if (dir === 0) return value + incr;
  if (overflow === 'fail') return null;
  if (overflow === 'sat') return dir > 0 ? max : min;
  return BigInt.asIntN(bits, value + incr);
}
