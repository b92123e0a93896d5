import { WRONGTYPE, type Bytes, type Keyspace, type RedisValue } from '../types.js';
import { fail } from '../util/reply-error.js';

export type StringValue = Extract<RedisValue, { type: 'string' }>;

/** Redis's proto-max-bulk-len: no string may grow past it. */
export const MAX_STRING = 512 * 1024 * 1024;
export const TOO_LONG = 'ERR string exceeds maximum allowed size (proto-max-bulk-len)';

/**
 * A string value as SET stores it: `int` when the bytes are a canonical 64-bit integer of at most 20
 * characters, `embstr` up to 44 bytes, `raw` beyond (Redis 7.0's tryObjectEncoding).
 */
export function stringValue(bytes: Buffer, copy = true): StringValue {
  const value = copy ? Buffer.from(bytes) : bytes;
  return { type: 'string', value, encoding: looksLikeInt(value) ? 'int' : value.length <= 44 ? 'embstr' : 'raw' };
}

/** A value created by APPEND or SETRANGE on an existing key, which Redis always leaves `raw`. */
export const rawString = (value: Buffer): StringValue => ({ type: 'string', value, encoding: 'raw' });

/** A value created without tryObjectEncoding (INCRBYFLOAT): `embstr` when short, whatever it holds. */
export const plainString = (value: Buffer): StringValue => ({ type: 'string', value, encoding: value.length <= 44 ? 'embstr' : 'raw' });

export const intString = (value: bigint | number): StringValue => ({ type: 'string', value: asciiBuffer(String(value)), encoding: 'int' });

/** A short ASCII text as bytes, copied by hand: cheaper than Buffer.from for the few digits of a counter. */
function asciiBuffer(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The string at `key`, undefined when missing; WRONGTYPE (thrown) for another type. */
export function stringAt(db: Keyspace, key: Bytes): StringValue | undefined {
  const value = db.get(key);
  if (value === undefined) return undefined;
  if (value.type !== 'string') fail(WRONGTYPE);
  return value;
}

function looksLikeInt(b: Buffer): boolean {
  const n = b.length;
  if (n === 0 || n > 20) return false;
  let i = 0;
  if (b[0] === 0x2d) {
    if (n === 1) return false;
    i = 1;
  }
  if (b[i] === 0x30) return n === 1;
  for (let j = i; j < n; j++) {
    const c = b[j]!;
    if (c < 0x30 || c > 0x39) return false;
  }
  if (n - i < 19) return true;
  const v = BigInt(b.toString('latin1'));
  return v >= -(2n ** 63n) && v < 2n ** 63n;
}
