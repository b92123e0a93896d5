import { WRONGTYPE, type Bytes, type Keyspace, type RedisValue } from '../types.js';
import { fail } from '../util/reply-error.js';
import { StoredString, storedString, type StringEncoding } from '../stored-string.js';

export type StringValue = Extract<RedisValue, { type: 'string' }>;

/** Redis's proto-max-bulk-len: no string may grow past it. */
export const MAX_STRING = 512 * 1024 * 1024;
export const TOO_LONG = 'ERR string exceeds maximum allowed size (proto-max-bulk-len)';

/**
 * A string value as SET stores it: `int` when the bytes are a canonical 64-bit integer of at most 20
 * characters, `embstr` up to 44 bytes, `raw` beyond (Redis 7.0's tryObjectEncoding).
 */
export function stringValue(bytes: Buffer, copy = true): StringValue {
  return storedString(bytes, encodingOf(bytes), copy);
}

/** The encoding SET gives a value of these bytes (tryObjectEncoding). */
export const encodingOf = (bytes: Buffer): StringEncoding => (looksLikeInt(bytes) ? 'int' : bytes.length <= 44 ? 'embstr' : 'raw');

/** A value created by APPEND or SETRANGE on an existing key, which Redis always leaves `raw`. */
export const rawString = (value: Buffer): StringValue => storedString(value, 'raw', false);

/** A value created without tryObjectEncoding (INCRBYFLOAT): `embstr` when short, whatever it holds. */
export const plainString = (value: Buffer): StringValue => storedString(value, value.length <= 44 ? 'embstr' : 'raw', false);

/** A counter's value: its digits are already the latin1 string the keyspace holds. */
export const intString = (value: bigint | number): StringValue => new StoredString(String(value), 'int');

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
