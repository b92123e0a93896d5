import type { Bytes, Keyspace } from '../types.js';
import { lookup, type ValueOf } from '../util/typed.js';

export type HashValue = ValueOf<'hash'>;

/** Redis 7.0's compiled-in defaults (redis.conf lowers entries to 128; a bare redis-server says 512). */
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

/** hashTypeTryConversion: a field or value longer than 64 bytes among the arguments makes it a hashtable. */
export function convertForArguments(hash: HashValue, items: Bytes[]): void {
  if (hash.encoding === 'listpack' && items.some((s) => s.length > HASH_MAX_LISTPACK_VALUE)) hash.encoding = 'hashtable';
}

/**
 * hashTypeSet: true when the field is new. A field or value over 64 bytes, or more than 512 fields,
 * makes it a hashtable, never back.
 */
export function setField(hash: HashValue, field: Bytes, value: Bytes): boolean {
  const isNew = !hash.value.has(field);
  hash.value.set(field, value);
  if (hash.encoding === 'listpack' && (field.length > HASH_MAX_LISTPACK_VALUE || value.length > HASH_MAX_LISTPACK_VALUE || hash.value.size > HASH_MAX_LISTPACK_ENTRIES)) {
    hash.encoding = 'hashtable';
  }
  return isNew;
}
