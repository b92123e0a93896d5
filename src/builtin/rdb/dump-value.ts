import type { Deque } from '../list/deque.js';
import type { SortedSet } from '../zset/sorted-set.js';
import { formatDouble } from '../util/format-double.js';
import type { Bytes, RedisValue } from '../types.js';
import { encodeIntset } from './blobs.js';
import { crc64 } from './crc64.js';
import { EMPTY_LISTPACK_BYTES, encodeListpack, entryBytes, listpackOfEntries } from './listpack.js';
import { QUICKLIST_PACKED, RDB_TYPE, RDB_VERSION } from './rdb-types.js';
import { RdbWriter } from './rdb-writer.js';
import { writeStream } from './dump-stream.js';
import type { Stream } from '../stream/stream.js';

/** list-max-listpack-size -2: a quicklist node holds at most 8 KB, counting 8 bytes of overhead per new element. */
const NODE_LIMIT = 8192;
const SIZE_ESTIMATE_OVERHEAD = 8;

/**
 * DUMP's payload for a value: its RDB type byte and body as Redis 7.0's rdbSaveObject writes them for
 * the value's encoding, then the RDB version (2 bytes) and the CRC-64 of all before it (8 bytes).
 */
export function dumpPayload(value: RedisValue): Buffer {
  const w = new RdbWriter();
  writeObject(w, value);
  const version = Buffer.alloc(2);
  version.writeUInt16LE(RDB_VERSION, 0);
  w.raw(version);
  const body = w.toBuffer();
  return Buffer.concat([body, crc64(body)]);
}

const latin1 = (s: Bytes): Buffer => Buffer.from(s, 'latin1');

function writeObject(w: RdbWriter, v: RedisValue): void {
  switch (v.type) {
    case 'string':
      w.byte(RDB_TYPE.STRING);
      w.string(v.value);
      return;
    case 'list':
      w.byte(RDB_TYPE.LIST_QUICKLIST_2);
      writeQuicklist(w, v.value as Deque);
      return;
    case 'hash':
      if (v.encoding === 'listpack') {
        w.byte(RDB_TYPE.HASH_LISTPACK);
        w.string(encodeListpack(flatten(v.value)));
      } else {
        w.byte(RDB_TYPE.HASH);
        w.length(v.value.size);
        for (const [field, value] of v.value) {
          w.string(latin1(field));
          w.string(latin1(value));
        }
      }
      return;
    case 'set':
      if (v.encoding === 'intset') {
        w.byte(RDB_TYPE.SET_INTSET);
        w.string(encodeIntset(v.value));
      } else {
        w.byte(RDB_TYPE.SET);
        w.length(v.value.size);
        for (const member of v.value) w.string(latin1(member));
      }
      return;
    case 'zset': {
      const entries = (v.value as SortedSet).slice(0, v.value.size - 1);
      if (v.encoding === 'listpack') {
        w.byte(RDB_TYPE.ZSET_LISTPACK);
        w.string(encodeListpack(entries.flatMap((e) => [e.member, listpackScore(e.score)])));
      } else {
        // From the highest score down, as Redis walks its skiplist backwards.
        w.byte(RDB_TYPE.ZSET_2);
        w.length(entries.length);
        for (let i = entries.length - 1; i >= 0; i--) {
          w.string(latin1(entries[i]!.member));
          w.binaryDouble(entries[i]!.score);
        }
      }
      return;
    }
    case 'stream':
      w.byte(RDB_TYPE.STREAM_LISTPACKS_2);
      writeStream(w, v.value as Stream);
      return;
  }
}

/** zzlInsertAt: an integral score within ±2^62 goes in as an integer (double2ll), any other as "%.17g". */
const listpackScore = (score: number): Bytes => (Number.isInteger(score) && Math.abs(score) <= 2 ** 62 ? BigInt(score).toString() : formatDouble(score));


function* flatten(map: Map<Bytes, Bytes>): Iterable<Bytes> {
  for (const [k, v] of map) {
    yield k;
    yield v;
  }
}

/**
 * The list as quicklist nodes, each a listpack, laid out as pushes at the tail fill them
 * (_quicklistNodeAllowInsert: a node takes another element while its size plus the element's length
 * plus 8 stays within 8 KB).
 */
function writeQuicklist(w: RdbWriter, list: Deque): void {
  const nodes: { entries: Buffer[]; bytes: number }[] = [];
  let node: { entries: Buffer[]; bytes: number } | undefined;
  for (const element of list) {
    if (node === undefined || node.bytes + element.length + SIZE_ESTIMATE_OVERHEAD > NODE_LIMIT) {
      node = { entries: [], bytes: EMPTY_LISTPACK_BYTES };
      nodes.push(node);
    }
    const entry = entryBytes(element);
    node.entries.push(entry);
    node.bytes += entry.length;
  }
  w.length(nodes.length);
  for (const n of nodes) {
    w.length(QUICKLIST_PACKED);
    w.string(listpackOfEntries(n.entries));
  }
}
