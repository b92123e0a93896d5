import { NOT_FLOAT, NOT_INTEGER, parseInt64 } from '../numbers.js';
import { parseDouble } from './strtod.js';
import { fail } from './reply-error.js';

/** Argument helpers: each returns the parsed value or throws the reply Redis gives for a bad one. */

export const keyword = (arg: Buffer | undefined): string => (arg === undefined ? '' : arg.toString('latin1').toLowerCase());

/** getLongLongFromObjectOrReply: a 64-bit integer, as a bigint. */
export function integerArg(arg: Buffer, message = NOT_INTEGER): bigint {
  const value = parseInt64(arg);
  return value === null ? fail(message) : value;
}

/** An index or count as a JavaScript number (exact up to 2^53; beyond that only ever compared or clamped). */
export const longArg = (arg: Buffer, message?: string): number => Number(integerArg(arg, message));

/** getPositiveLongFromObjectOrReply: the same `message` for a non-integer and for a negative one. */
export function positiveArg(arg: Buffer, message: string): number {
  const value = integerArg(arg, message);
  return value < 0n ? fail(message) : Number(value);
}

/** getDoubleFromObjectOrReply. */
export function doubleArg(arg: Buffer, message = NOT_FLOAT): number {
  const plain = plainInteger(arg);
  if (plain !== undefined) return plain;
  const value = parseDouble(arg.toString('latin1'));
  return value === undefined ? fail(message) : value;
}

/**
 * Digits with an optional '-', at most 15 bytes: what strtod reads them as (leading zeros and "-0"
 * included), from the bytes, without a string or strtod's regular expressions (a ZADD's usual score).
 */
function plainInteger(arg: Buffer): number | undefined {
  const n = arg.length;
  const negative = arg[0] === 0x2d;
  const start = negative ? 1 : 0;
  if (n > 15 || n === start) return undefined;
  let v = 0;
  for (let i = start; i < n; i++) {
    const digit = arg[i]! - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    v = v * 10 + digit;
  }
  return negative ? -v : v;
}
