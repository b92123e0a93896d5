import { formatDouble } from '../util/format-double.js';

/**
 * What Redis 7.0's structures take under jemalloc, the figures its used_memory and MEMORY USAGE add up:
 * jemalloc's size classes, sds strings, listpack entries, dict tables. Pure arithmetic (no allocation).
 */

/** jemalloc's size class for a request of `n` bytes: 8, 16, 32, 48 ... 128, then four classes per doubling. */
export function jemalloc(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return (n + 15) & ~15;
  // For n in (2^k, 2^(k+1)] the classes are 2^(k-2) apart. ceil(log2(n)) is ceil(log2(ceil(n))), which
  // clz32 gives without a logarithm up to 2^31 (list and collection sizes are averages: n may be fractional).
  const m = Math.ceil(n);
  const step = m <= 0x80000000 ? 1 << (29 - Math.clz32(m - 1)) : 2 ** (Math.ceil(Math.log2(n)) - 3);
  return Math.ceil(n / step) * step;
}

/** The header of an sds string of `len` bytes (sdshdr5 for short keys, then 8, 16, 32 ...). */
function sdsHeader(len: number, short5: boolean): number {
  if (len < 32 && short5) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  return len < 2 ** 32 ? 9 : 17;
}

/** An sds as an allocation: header, bytes, NUL. Keys use sdshdr5 below 32 bytes, values do not. */
export const sdsAlloc = (len: number, key = false): number => jemalloc(sdsHeader(len, key) + len + 1);

/** Sizes of Redis's structs on a 64-bit build. */
export const ROBJ = 16;
export const DICT_ENTRY = 24;
export const DICT = 56;
/** sizeof(quicklist) as MEMORY USAGE counts it (measured on 7.0.15: 48). */
export const QUICKLIST = 48;
export const QUICKLIST_NODE = 32;
export const ZSKIPLIST = 32;
export const ZSET = 16;
/** The skiplist's header node: 32 levels. */
export const ZSL_HEADER = jemalloc(24 + 32 * 16);
/** A skiplist node's expected allocation (levels drawn with p = 1/4). */
export const ZSL_NODE = 0.75 * jemalloc(40) + 0.1875 * jemalloc(56) + 0.047 * jemalloc(72) + 0.0156 * jemalloc(88);
/** A listpack's header (total bytes, count) and end byte. */
export const LISTPACK_EMPTY = 7;

/** A dict's table: a pointer per bucket, a power of two at least the entry count (Redis grows at 1:1). */
export function dictSlots(entries: number): number {
  if (entries === 0) return 0;
  let slots = 4;
  while (slots < entries) slots *= 2;
  return slots;
}

/** The integer an element would be stored as in a listpack, or undefined (Redis's lpStringToInt64). */
function asInt64(s: string): number | undefined {
  const n = s.length;
  if (n === 0 || n > 20) return undefined;
  const c0 = s.charCodeAt(0);
  if (c0 === 48) return n === 1 ? 0 : undefined;
  let i = c0 === 45 ? 1 : 0;
  if (i === n) return undefined;
  let v = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (i === (c0 === 45 ? 1 : 0) && d === 0)) return undefined;
    v = v * 10 + d;
  }
  if (v > Number.MAX_SAFE_INTEGER) return undefined;
  return c0 === 45 ? -v : v;
}

/** One listpack entry: encoding, data and back-length. */
export function listpackEntry(s: string): number {
  const int = asInt64(s);
  let body: number;
  if (int !== undefined) {
    if (int >= 0 && int <= 127) body = 1;
    else if (int >= -4096 && int <= 4095) body = 2;
    else if (int >= -32768 && int <= 32767) body = 3;
    else if (int >= -8388608 && int <= 8388607) body = 4;
    else if (int >= -2147483648 && int <= 2147483647) body = 5;
    else body = 9;
  } else {
    const len = s.length;
    body = len + (len <= 63 ? 1 : len <= 4095 ? 2 : 5);
  }
  return body + (body <= 127 ? 1 : body < 16383 ? 2 : body < 2097151 ? 3 : body < 268435455 ? 4 : 5);
}

/** A score as a zset listpack holds it: an integer when it is one, else its %.17g text. */
export function scoreEntry(score: number): number {
  if (Number.isInteger(score) && Math.abs(score) <= Number.MAX_SAFE_INTEGER) return listpackEntry(String(score));
  const len = formatDouble(score).length;
  return 1 + len + 1;
}
