/** RDB object types (rdb.h) that Redis 7.0 writes or still reads, and the version DUMP stamps. */
export const RDB_VERSION = 10;

export const RDB_TYPE = {
  STRING: 0,
  LIST: 1,
  SET: 2,
  ZSET: 3,
  HASH: 4,
  ZSET_2: 5,
  LIST_ZIPLIST: 10,
  SET_INTSET: 11,
  ZSET_ZIPLIST: 12,
  HASH_ZIPLIST: 13,
  LIST_QUICKLIST: 14,
  HASH_LISTPACK: 16,
  ZSET_LISTPACK: 17,
  LIST_QUICKLIST_2: 18,
  STREAM_LISTPACKS_2: 19,
} as const;

/** Quicklist node containers in RDB_TYPE_LIST_QUICKLIST_2. */
export const QUICKLIST_PLAIN = 1;
export const QUICKLIST_PACKED = 2;
