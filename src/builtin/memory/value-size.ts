import type { Bytes, RedisValue } from '../types.js';
import type { Deque } from '../list/deque.js';
import type { SortedSet } from '../zset/sorted-set.js';
import { stringLength } from '../stored-string.js';
import {
  DICT,
  DICT_ENTRY,
  dictSlots,
  jemalloc,
  LISTPACK_EMPTY,
  listpackEntry,
  QUICKLIST,
  QUICKLIST_NODE,
  ROBJ,
  scoreEntry,
  sdsAlloc,
  ZSET,
  ZSKIPLIST,
  ZSL_HEADER,
  ZSL_NODE,
} from './alloc-sizes.js';

/** list-max-listpack-size -2: a quicklist node's listpack holds up to 8 KB. */
const NODE_BYTES = 8192;

/**
 * What a value takes in Redis 7.0, as its objectComputeSize counts it (robj included): exact for
 * strings, intsets and listpacks' element sizes; for larger collections the average of up to `samples`
 * elements times their number, as MEMORY USAGE does. O(samples): no walk of a big collection.
 */
export function valueSize(v: RedisValue, samples: number): number {
  switch (v.type) {
    case 'string':
      return stringSize(v);
    case 'list':
      return listSize(v.value as Deque, samples);
    case 'hash':
      // A listpack (at most hash-max-listpack-entries) is counted whole, as lpBytes is exact in Redis.
      return v.encoding === 'listpack' ? ROBJ + jemalloc(LISTPACK_EMPTY + sampledMap(v.value, Infinity, pairEntry) * v.value.size) : ROBJ + DICT + 8 * dictSlots(v.value.size) + sampledMap(v.value, samples, pairNode) * v.value.size;
    case 'set':
      if (v.encoding === 'intset') return ROBJ + jemalloc(8 + v.value.size * intsetWidth(v.value));
      if (v.encoding === 'listpack') return ROBJ + jemalloc(LISTPACK_EMPTY + sampledSet(v.value, Infinity, listpackEntry) * v.value.size);
      return ROBJ + DICT + 8 * dictSlots(v.value.size) + sampledSet(v.value, samples, memberNode) * v.value.size;
    case 'zset':
      return zsetSize(v.value as SortedSet, v.encoding, samples);
    case 'stream':
      return ROBJ + v.value.approximateBytes();
  }
}

/** A string value: the robj alone for an integer, robj and sds in one allocation for embstr, else apart. */
export function stringSize(v: Extract<RedisValue, { type: 'string' }>): number {
  const encoding = v.encoding;
  if (encoding === 'int') return ROBJ;
  if (encoding === 'embstr') return jemalloc(ROBJ + 3 + stringLength(v) + 1);
  return ROBJ + sdsAlloc(stringLength(v));
}

/** The average listpack entry of up to `samples` elements, evenly spread over the list. */
function sampledEntry(list: Deque, n: number, samples: number): number {
  const take = Math.min(n, Math.max(1, samples));
  let bytes = 0;
  // Sampled evenly over the list, so a head that differs from the rest does not skew the figure.
  for (let i = 0; i < take; i++) bytes += listpackEntry(list.at(Math.floor((i * n) / take)));
  return bytes / take;
}

function listSize(list: Deque, samples: number): number {
  const n = list.length;
  if (n === 0) return ROBJ + QUICKLIST;
  const same = list.uniform();
  if (same === undefined) return quicklistSize(n, sampledEntry(list, n, samples));
  const entry = listpackEntry(same);
  noteSteadyLengths(list, same, entry);
  return quicklistSize(n, entry);
}

/** Elements of `entry` bytes each that one quicklist node's 8 KB listpack holds. */
const perNode = (entry: number): number => Math.max(1, Math.floor((NODE_BYTES - LISTPACK_EMPTY) / entry));

/** A quicklist of `n` elements of `entry` bytes each (an average when sampled): full nodes, then the last. */
function quicklistSize(n: number, entry: number): number {
  const each = perNode(entry);
  const nodes = Math.ceil(n / each);
  const lastNode = n - (nodes - 1) * each;
  const full = nodes === 1 ? 0 : (nodes - 1) * jemalloc(LISTPACK_EMPTY + each * entry);
  return ROBJ + QUICKLIST + nodes * QUICKLIST_NODE + full + jemalloc(LISTPACK_EMPTY + lastNode * entry);
}

/**
 * Notes on a list of one value the lengths its figure holds for: those with as many nodes, whose last
 * node's listpack falls in the same jemalloc class. A push or pop that stays within them (listSizeHolds)
 * leaves the figure as it is, so the write need not estimate the list again.
 */
function noteSteadyLengths(list: Deque, same: Bytes, entry: number): void {
  const n = list.length;
  const each = perNode(entry);
  const before = (Math.ceil(n / each) - 1) * each;
  const size = jemalloc(LISTPACK_EMPTY + (n - before) * entry);
  // The last node's counts whose listpack is above the class below and within this one.
  const fewest = Math.floor((classBelow(size) - LISTPACK_EMPTY) / entry) + 1;
  const most = Math.floor((size - LISTPACK_EMPTY) / entry);
  list.sizedValue = same;
  list.sizedMin = before + Math.max(1, fewest);
  list.sizedMax = before + Math.min(each, most);
}

/** jemalloc's size class just below `size` (itself a class), 0 below the smallest. */
function classBelow(size: number): number {
  if (size <= 8) return 0;
  if (size <= 16) return 8;
  if (size <= 128) return size - 16;
  return size - (1 << (29 - Math.clz32(size - 1)));
}

/**
 * True when the list's figure is the one last estimated for it (its length within the lengths noted for
 * its one value): a push or pop that keeps it needs no new estimate.
 */
export function listSizeHolds(list: Deque): boolean {
  const n = list.length;
  return n >= list.sizedMin && n <= list.sizedMax && list.uniform() === list.sizedValue;
}

function zsetSize(z: SortedSet, encoding: string, samples: number): number {
  const n = z.size;
  const listpack = encoding === 'listpack';
  const take = listpack ? n : Math.min(n, Math.max(1, samples));
  let bytes = 0;
  for (let i = 0; i < take; i++) {
    const e = z.at(Math.floor((i * n) / take));
    bytes += listpack ? listpackEntry(e.member) + scoreEntry(e.score) : sdsAlloc(e.member.length) + DICT_ENTRY + ZSL_NODE;
  }
  const each = take === 0 ? 0 : bytes / take;
  if (listpack) return ROBJ + jemalloc(LISTPACK_EMPTY + each * n);
  return ROBJ + ZSET + ZSKIPLIST + DICT + 8 * dictSlots(n) + ZSL_HEADER + each * n;
}

const pairEntry = (f: Bytes, v: Bytes): number => listpackEntry(f) + listpackEntry(v);
const pairNode = (f: Bytes, v: Bytes): number => sdsAlloc(f.length, true) + sdsAlloc(v.length, true) + DICT_ENTRY;
const memberNode = (m: Bytes): number => sdsAlloc(m.length, true) + DICT_ENTRY;

/** The average size of the first `samples` entries (Redis samples from the dict's start as well). */
function sampledMap(m: Map<Bytes, Bytes>, samples: number, size: (f: Bytes, v: Bytes) => number): number {
  let total = 0;
  let seen = 0;
  const limit = Math.max(1, samples);
  for (const [f, v] of m) {
    total += size(f, v);
    if (++seen >= limit) break;
  }
  return seen === 0 ? 0 : total / seen;
}

function sampledSet(s: Set<Bytes>, samples: number, size: (m: Bytes) => number): number {
  let total = 0;
  let seen = 0;
  const limit = Math.max(1, samples);
  for (const m of s) {
    total += size(m);
    if (++seen >= limit) break;
  }
  return seen === 0 ? 0 : total / seen;
}

/** An intset's width: 2, 4 or 8 bytes, from the widest member (checked on a few, then on all when small). */
function intsetWidth(s: Set<Bytes>): number {
  let width = 2;
  for (const m of s) {
    const v = Number(m);
    if (v < -2147483648 || v > 2147483647) return 8;
    if (v < -32768 || v > 32767) width = 4;
  }
  return width;
}
