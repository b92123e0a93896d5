import type { RedisValue } from '../types.js';

/**
 * DEBUG OBJECT's line in Redis 7.0's format, with the engine's figures: an address that stays the same
 * for one value object while it lives, Redis's refcount for shared integers (0..9999), the engine's
 * estimate of the RDB length, the LRU clock now and no idle time (the engine does not track access), and
 * for lists the quicklist's nodes as Redis would cut them under list-max-listpack-size.
 */
const addresses = new WeakMap<object, number>();
let nextAddress = 0x7f0000001000;

function addressOf(value: RedisValue): string {
  let a = addresses.get(value);
  if (a === undefined) {
    a = nextAddress;
    nextAddress += 0x20;
    addresses.set(value, a);
  }
  return `0x${a.toString(16)}`;
}

/** rdbSaveLen's size: 1, 2, 5 or 9 bytes. */
const lenSize = (n: number): number => (n < 1 << 6 ? 1 : n < 1 << 14 ? 2 : n <= 0xffffffff ? 5 : 9);

/** rdbSaveLongLongAsStringObject: integers that fit 8, 16 or 32 bits are stored as such. */
function stringLength(s: Buffer, isInt: boolean): number {
  if (isInt) {
    const v = Number(s.toString('latin1'));
    if (v >= -128 && v <= 127) return 2;
    if (v >= -32768 && v <= 32767) return 3;
    if (v >= -2147483648 && v <= 2147483647) return 5;
  }
  return lenSize(s.length) + s.length;
}

function serializedLength(value: RedisValue): number {
  switch (value.type) {
    case 'string':
      return stringLength(value.value, value.encoding === 'int');
    case 'list':
    case 'set': {
      let n = lenSize(value.type === 'list' ? value.value.length : value.value.size);
      for (const e of value.value) n += lenSize(e.length) + e.length;
      return n;
    }
    case 'hash': {
      let n = lenSize(value.value.size);
      for (const [f, v] of value.value) n += lenSize(f.length) + f.length + lenSize(v.length) + v.length;
      return n;
    }
    case 'zset':
      return lenSize(value.value.size) + value.value.size * 10;
    case 'stream':
      return value.value.approximateBytes();
  }
}

/** The per-node size limits of a negative list-max-listpack-size (-1 .. -5). */
const NODE_BYTES = [4096, 8192, 16384, 32768, 65536];

/** The bytes an element takes in a listpack (its header, the data, its back length). */
const entryBytes = (e: string): number => 1 + e.length + (e.length < 127 ? 1 : 2);

/** How a quicklist with `fill` cuts these elements: listpack nodes, and a plain node per element at or over `packed` bytes. */
export function quicklistShape(elements: Iterable<string>, fill: number, packed: number): { nodes: number; bytes: number } {
  const limit = fill < 0 ? NODE_BYTES[Math.min(-fill, 5) - 1]! : Infinity;
  let nodes = 0;
  let bytes = 0;
  let inNode = 0;
  let nodeBytes = 0;
  for (const e of elements) {
    bytes += e.length;
    if (e.length >= packed) {
      nodes++;
      inNode = 0;
      continue;
    }
    const add = entryBytes(e);
    const fits = inNode > 0 && (fill > 0 ? inNode < fill : nodeBytes + add <= limit);
    if (!fits) {
      nodes++;
      inNode = 0;
      nodeBytes = 7;
    }
    inNode++;
    nodeBytes += add;
  }
  return { nodes, bytes };
}

export interface ObjectSettings {
  now: number;
  listFill: number;
  compressDepth: number;
  packedThreshold: number;
}

export function debugObjectLine(value: RedisValue, s: ObjectSettings): string {
  const shared = value.type === 'string' && value.encoding === 'int' && /^(0|[1-9][0-9]{0,3})$/.test(value.value.toString('latin1'));
  const lru = Math.floor(s.now / 1000) & 0xffffff;
  let line = `Value at:${addressOf(value)} refcount:${shared ? 2147483647 : 1} encoding:${value.encoding} serializedlength:${serializedLength(value)} lru:${lru} lru_seconds_idle:0`;
  if (value.type === 'list') {
    const { nodes, bytes } = quicklistShape(value.value, s.listFill, s.packedThreshold);
    const avg = nodes === 0 ? 0 : value.value.length / nodes;
    line += ` ql_nodes:${nodes} ql_avg_node:${avg.toFixed(2)} ql_listpack_max:${s.listFill} ql_compressed:${s.compressDepth !== 0 ? 1 : 0} ql_uncompressed_size:${bytes}`;
  }
  return line;
}
