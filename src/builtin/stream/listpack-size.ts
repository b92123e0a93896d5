import type { Bytes } from '../types.js';

/**
 * The bytes a listpack element takes in Redis 7.0 (its encoding, its data and the back-length that
 * lets the listpack be walked backwards). Streams keep their entries in listpacks, and XADD opens a
 * new node when the tail listpack's size plus the new entry's raw bytes reaches stream-node-max-bytes,
 * so these sizes decide where nodes end, and so what `~` trimming can remove.
 */

/** The listpack header (total bytes, element count) and its end byte. */
export const LISTPACK_EMPTY = 7;

function withBacklen(encoded: number): number {
  const backlen = encoded <= 127 ? 1 : encoded < 16383 ? 2 : encoded < 2097151 ? 3 : encoded < 268435455 ? 4 : 5;
  return encoded + backlen;
}

/** An integer element (lpAppendInteger): the smallest of the 7-, 13-, 16-, 24-, 32- and 64-bit encodings. */
export function integerSize(v: bigint): number {
  if (v >= 0n && v <= 127n) return withBacklen(1);
  if (v >= -4096n && v <= 4095n) return withBacklen(2);
  if (v >= -32768n && v <= 32767n) return withBacklen(3);
  if (v >= -8388608n && v <= 8388607n) return withBacklen(4);
  if (v >= -2147483648n && v <= 2147483647n) return withBacklen(5);
  return withBacklen(9);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** lpStringToInt64: what a string element is stored as when it reads as a 64-bit integer. */
function asInteger(s: Bytes): bigint | undefined {
  if (s.length === 0 || s.length >= 21) return undefined;
  if (!/^(0|-?[1-9][0-9]*)$/.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** A string element (lpAppend): stored as an integer when it is one, else with a 6-, 12- or 32-bit length. */
export function stringSize(s: Bytes): number {
  const n = asInteger(s);
  if (n !== undefined) return integerSize(n);
  const len = s.length;
  return withBacklen(len <= 63 ? 1 + len : len <= 4095 ? 2 + len : 5 + len);
}

/** A delta as Redis stores it: the unsigned difference read back as a signed 64-bit integer. */
export const deltaSize = (delta: bigint): number => integerSize(BigInt.asIntN(64, delta));
