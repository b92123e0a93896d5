import type { Bytes, RedisValue } from '../types.js';
import { DICT_ENTRY, dictSlots, jemalloc, sdsAlloc } from './alloc-sizes.js';
import { stringSize, valueSize } from './value-size.js';
import type { StoredString } from '../stored-string.js';

/** A key's dictEntry as allocated (24 bytes, jemalloc's 32). */
const ENTRY = jemalloc(DICT_ENTRY);
/** Elements sampled when a value is sized after each write (Redis's MEMORY USAGE default). */
const SAMPLES = 5;

/** Access tracking for eviction: none (noeviction, random, ttl), LRU idle time or LFU counter. */
export type Track = 0 | 1 | 2;
export const TRACK_NONE = 0;
export const TRACK_LRU = 1;
export const TRACK_LFU = 2;

/**
 * The data's size as Redis would hold it, kept up to date by the databases as keys are written, replaced
 * and deleted: plain arithmetic per write, never a walk of the keyspace. Shared by all databases.
 */
export class MemoryTally {
  bytes = 0;
  track: Track = TRACK_NONE;

  /** What a key and its value take: the dict entry, the key's sds, the value (robj included). */
  keyBytes(key: Bytes, value: RedisValue): number {
    return ENTRY + sdsAlloc(key.length, true) + valueSize(value, SAMPLES);
  }

  /** keyBytes of a string value, without valueSize's dispatch on the type (every SET and MSET key). */
  stringKeyBytes(key: Bytes, value: StoredString): number {
    return ENTRY + sdsAlloc(key.length, true) + stringSize(value);
  }
}

/** An expires entry (the key's sds is shared with the main dict). */
export const EXPIRE_ENTRY = ENTRY;

/**
 * A dict's table size after it holds `entries`: grown to a power of two when full, shrunk when under a
 * tenth full (Redis's htNeedsResize), else kept.
 */
export function resizedSlots(slots: number, entries: number): number {
  if (entries > slots) return dictSlots(entries);
  if (slots > 4 && entries * 10 < slots) return dictSlots(entries);
  return slots;
}
