import type { Bytes, Keyspace } from '../types.js';
import { ENCODING } from '../encoding-limits.js';
import { listpackEntry } from '../memory/alloc-sizes.js';
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
 * hashTypeSet: true when the field is new. A field or value over 64 bytes, or more than 512 fields (the
 * configured limits), makes it a hashtable, never back.
 */
export function setField(hash: HashValue, field: Bytes, value: Bytes): boolean {
  // One lookup, not has() then set(): the size grows only when the field is new.
  const size = hash.value.size;
  hash.value.set(field, value);
  convertFor(hash, field, value);
  return hash.value.size !== size;
}

/** hashTypeSet's conversion of a listpack that `field` and `value` (held now) take past the limits. */
function convertFor(hash: HashValue, field: Bytes, value: Bytes): void {
  const { hashValue, hashEntries } = ENCODING.limits;
  if (hash.encoding === 'listpack' && (field.length > hashValue || value.length > hashValue || hash.value.size > hashEntries)) {
    hash.encoding = 'hashtable';
  }
}

/** What putField did, as the memory estimate sees it: a new field, an overwrite by a value it counts the same, by one it does not. */
export const ADDED = 0;
export const SAME_SIZE = 1;
export const RESIZED = 2;

/** setField for HSET: an equal value is not stored again (one lookup), its encoding still checked. */
export function putField(hash: HashValue, field: Bytes, value: Bytes): typeof ADDED | typeof SAME_SIZE | typeof RESIZED {
  const old = hash.value.get(field);
  if (old === value) {
    // CONFIG SET may have lowered the limits since it was stored.
    convertFor(hash, field, value);
    return SAME_SIZE;
  }
  setField(hash, field, value);
  if (old === undefined) return ADDED;
  return sameSize(old, value) ? SAME_SIZE : RESIZED;
}

/**
 * Whether the estimate (memory/value-size.ts) counts two values the same: a listpack by each value's
 * entry, a hashtable by each value's sds, which the length alone sets.
 */
const sameSize = (a: Bytes, b: Bytes): boolean => a.length === b.length && listpackEntry(a) === listpackEntry(b);
