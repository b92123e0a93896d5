import { ENCODING } from '../encoding-limits.js';
import { Deque } from '../list/deque.js';
import { isIntegerMember } from '../set/set-value.js';
import type { Bytes, RedisValue } from '../types.js';
import { stringValue } from '../commands/string-value.js';
import { strtod } from '../util/strtod.js';
import { SortedSet } from '../zset/sorted-set.js';
import { decodeIntset, decodeZiplist } from './blobs.js';
import { crc64 } from './crc64.js';
import { decodeListpack } from './listpack.js';
import { BadFormat, RdbReader } from './rdb-reader.js';
import { readStream } from './restore-stream.js';
import { QUICKLIST_PACKED, QUICKLIST_PLAIN, RDB_TYPE, RDB_VERSION } from './rdb-types.js';

/**
 * verifyDumpPayload: at least the 10-byte footer, an RDB version no newer than 7.0's, and a CRC-64
 * over everything before the checksum that matches it.
 */
export function payloadIsValid(payload: Buffer): boolean {
  if (payload.length < 10) return false;
  const footer = payload.length - 10;
  if (payload.readUInt16LE(footer) > RDB_VERSION) return false;
  return crc64(payload, 0, payload.length - 8).equals(payload.subarray(payload.length - 8));
}

const bad = (): never => {
  throw new BadFormat();
};

/**
 * rdbLoadObjectType and rdbLoadObject for a (verified) payload: the value with the encoding Redis 7.0
 * gives what it loads under the running encoding limits (small hashes, sets and sorted sets as listpacks
 * or intsets, lists as quicklists).
 * Throws BadFormat for anything malformed, empty or with duplicates.
 */
export function restoreValue(payload: Buffer): RedisValue {
  // As Redis reads it: the whole payload, so a length running into the footer reads the footer's bytes.
  const r = new RdbReader(payload);
  const type = r.byte();
  const latin1 = (): Bytes => r.string().toString('latin1');
  const times = <T>(n: number, read: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => read(i));
  switch (type) {
    case RDB_TYPE.STRING:
      return stringValue(r.string(), false);
    case RDB_TYPE.LIST:
      return listOf(times(r.length(), () => latin1()));
    case RDB_TYPE.LIST_ZIPLIST:
      return listOf(blob(r, decodeZiplist));
    case RDB_TYPE.LIST_QUICKLIST:
      return listOf(times(r.length(), () => blob(r, decodeZiplist)).flat());
    case RDB_TYPE.LIST_QUICKLIST_2:
      return listOf(
        times(r.length(), () => {
          const container = r.length();
          if (container === QUICKLIST_PLAIN) return [latin1()];
          if (container !== QUICKLIST_PACKED) bad();
          return blob(r, decodeListpack);
        }).flat(),
      );
    case RDB_TYPE.SET:
      return setOf(times(r.length(), () => latin1()), false);
    case RDB_TYPE.SET_INTSET:
      return setOf(blob(r, decodeIntset), true);
    case RDB_TYPE.HASH:
      return hashOf(times(r.length() * 2, () => latin1()), true);
    case RDB_TYPE.HASH_ZIPLIST:
    case RDB_TYPE.HASH_LISTPACK:
      return hashOf(blob(r, type === RDB_TYPE.HASH_LISTPACK ? decodeListpack : decodeZiplist), false);
    case RDB_TYPE.ZSET:
    case RDB_TYPE.ZSET_2: {
      const pairs = times(r.length(), () => ({ member: latin1(), score: type === RDB_TYPE.ZSET ? r.textDouble() : r.binaryDouble() }));
      const { zsetEntries, zsetValue } = ENCODING.limits;
      const small = pairs.length <= zsetEntries && pairs.every((p) => p.member.length <= zsetValue);
      return zsetOf(pairs, small);
    }
    case RDB_TYPE.ZSET_ZIPLIST:
    case RDB_TYPE.ZSET_LISTPACK: {
      const flat = blob(r, type === RDB_TYPE.ZSET_LISTPACK ? decodeListpack : decodeZiplist);
      if (flat.length % 2 !== 0) bad();
      const pairs = times(flat.length / 2, (i) => ({ member: flat[2 * i]!, score: listpackScore(flat[2 * i + 1]!) }));
      return zsetOf(pairs, pairs.length <= ENCODING.limits.zsetEntries);
    }
    case RDB_TYPE.STREAM_LISTPACKS_2:
      return { type: 'stream', value: readStream(r), encoding: 'stream' };
    default:
      return bad();
  }
}

/** A string holding a blob (listpack, ziplist, intset), decoded; malformed means a bad payload. */
function blob(r: RdbReader, decode: (b: Buffer) => Bytes[] | undefined): Bytes[] {
  return decode(r.string()) ?? bad();
}

function listOf(elements: Bytes[]): RedisValue {
  if (elements.length === 0) bad();
  return { type: 'list', value: new Deque(elements), encoding: 'quicklist' };
}

function setOf(members: Bytes[], fromIntset: boolean): RedisValue {
  const set = new Set(members);
  if (set.size === 0 || set.size !== members.length) bad();
  const intset = set.size <= ENCODING.limits.setIntsetEntries && (fromIntset || members.every(isIntegerMember));
  return { type: 'set', value: set, encoding: intset ? 'intset' : 'hashtable' };
}

/** A hash; one loaded from a listpack becomes a hashtable only for its number of fields, as in Redis. */
function hashOf(flat: Bytes[], checkLengths: boolean): RedisValue {
  if (flat.length === 0 || flat.length % 2 !== 0) bad();
  const map = new Map<Bytes, Bytes>();
  for (let i = 0; i < flat.length; i += 2) map.set(flat[i]!, flat[i + 1]!);
  if (map.size * 2 !== flat.length) bad();
  const { hashEntries, hashValue } = ENCODING.limits;
  const small = map.size <= hashEntries && (!checkLengths || flat.every((s) => s.length <= hashValue));
  return { type: 'hash', value: map, encoding: small ? 'listpack' : 'hashtable' };
}

function zsetOf(pairs: { member: Bytes; score: number }[], listpack: boolean): RedisValue {
  if (pairs.length === 0) bad();
  const z = new SortedSet();
  for (const { member, score } of pairs) {
    if (Number.isNaN(score) || z.score(member) !== undefined) bad();
    z.set(member, listpack && score === 0 ? 0 : score);
  }
  return { type: 'zset', value: z, encoding: listpack ? 'listpack' : 'skiplist' };
}

/** zzlStrtod: a listpack score is an integer entry or the text "%.17g" printed. */
function listpackScore(text: Bytes): number {
  const v = strtod(text).value;
  return Number.isNaN(v) ? bad() : v;
}
