import type { Bytes, Keyspace } from '../types.js';
import { ENCODING } from '../encoding-limits.js';
import { lookup, type ValueOf } from '../util/typed.js';

export type HashValue = ValueOf<'hash'>;

/**
 * Redis 7.0's compiled-in defaults (redis.conf lowers entries to 128; a bare redis-server says 512); the
 * running values are CONFIG's hash-max-listpack-entries/-value (ENCODING.limits).
 */
export const HASH_MAX_LISTPACK_ENTRIES = 512;
export const HASH_MAX_LISTPACK_VALUE = 64;

export const hashAt = (db: Keyspace, key: Bytes): HashValue | undefined => lookup(db, key, 'hash');

/** hashTypeLookupWriteOrCreate: the hash at `key`, created (empty, listpack) when missing. */
export function hashForWrite(db: Keyspace, key: Bytes): HashValue {
  const found = hashAt(db, key);
  if (found !== undefined) return found;
  const created: HashValue = { type: 'hash', value: new Map(), encoding: 'listpack' };
  db.set(key, created);
  return created;
}

/**
 * hashTypeTryConversion: a field or value longer than hash-max-listpack-value (64) among the arguments
 * (`items` from `from` on: strings or the argument Buffers, whose lengths are the same) makes it a hashtable.
 */
export function convertForArguments(hash: HashValue, items: ReadonlyArray<{ readonly length: number }>, from = 0): void {
  if (hash.encoding !== 'listpack') return;
  const limit = ENCODING.limits.hashValue;
  for (let i = from; i < items.length; i++) {
    if (items[i]!.length > limit) {
      hash.encoding = 'hashtable';
      return;
    }
  }
}

/**
 * hashTypeSet: true when the field is new. A field or value over 64 bytes, or more than 512 fields (the
 * configured limits),
 * makes it a hashtable, never back.
 */
export function setField(hash: HashValue, field: Bytes, value: Bytes): boolean {
  // One lookup, not has() then set(): the size grows only when the field is new.
  const size = hash.value.size;
  hash.value.set(field, value);
  const isNew = hash.value.size !== size;
  const { hashValue, hashEntries } = ENCODING.limits;
  if (hash.encoding === 'listpack' && (field.length > hashValue || value.length > hashValue || hash.value.size > hashEntries)) {
    hash.encoding = 'hashtable';
  }
  return isNew;
}
