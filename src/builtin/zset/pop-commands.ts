import { array, bulk, NIL_ARRAY, type RespReply } from '../../resp/types.js';
import { arrayOf, double, latin1Bulk, pairs, type Reply } from '../reply.js';
import { parseTimeout } from '../list/timeout.js';
import { fromBytes, toBytes, type BlockRequest, type Bytes, type CommandSpec, type Keyspace } from '../types.js';
import { positiveArg } from '../util/args.js';
import { parseMpop } from '../util/mpop-args.js';
import { fail, guardedServe, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { afterWrite } from '../util/typed.js';
import type { ZEntry } from './sorted-set.js';
import { zsetAt, type ZsetValue } from './zset-value.js';

const text = (s: Bytes): RespReply => bulk(fromBytes(s));
/** Replies are never written to: one empty array serves every pop from a missing key. */
const EMPTY = array([]);

/** Removes up to `count` lowest (or highest) entries; an emptied sorted set loses its key. */
function take(db: Keyspace, key: Bytes, z: ZsetValue, count: number, max: boolean): ZEntry[] {
  const n = Math.min(count, z.value.size);
  const taken = max ? z.value.removeRange(z.value.size - n, z.value.size - 1).reverse() : z.value.removeRange(0, n - 1);
  afterWrite(db, key, z.value.size);
  return taken;
}

/**
 * ZPOPMIN/ZPOPMAX key [count]: a flat [member, score, ...] array in RESP2; in RESP3 [member, score]
 * without a count and [[member, score], ...] with one (even 1), as Redis 7.0 answers.
 */
function zpop(name: string, max: boolean): CommandSpec {
  return command(name, -2, ['write', 'fast'], [1, 1, 1], ({ db }, args) => {
    if (args.length > 3) fail(SYNTAX_ERROR);
    const count = args.length === 3 ? positiveArg(args[2]!, 'ERR value is out of range, must be positive') : 1;
    const key = toBytes(args[1]!);
    const z = zsetAt(db, key);
    if (z === undefined || count === 0) return EMPTY;
    const flat = take(db, key, z, count, max).flatMap((e) => [latin1Bulk(e.member), double(e.score)]);
    return args.length === 3 ? pairs(flat) : arrayOf(flat);
  });
}

/** BZPOPMIN/BZPOPMAX: [key, member, score] from the first non-empty sorted set. */
function popOne(db: Keyspace, keys: Bytes[], max: boolean): Reply | undefined {
  for (const key of keys) {
    const z = zsetAt(db, key);
    if (z === undefined) continue;
    const [e] = take(db, key, z, 1, max);
    return arrayOf([text(key), text(e!.member), double(e!.score)]);
  }
  return undefined;
}

/** ZMPOP/BZMPOP: [key, [[member, score], ...]] (nested even in RESP2). */
function popMany(db: Keyspace, keys: Bytes[], max: boolean, count: number): Reply | undefined {
  for (const key of keys) {
    const z = zsetAt(db, key);
    if (z === undefined) continue;
    const taken = take(db, key, z, count, max);
    return arrayOf([text(key), arrayOf(taken.map((e) => arrayOf([text(e.member), double(e.score)])))]);
  }
  return undefined;
}

/** A wait on sorted sets, served from the key that became ready (when it holds a sorted set). */
function waitFor(keys: Bytes[], timeoutMs: number, serve: (db: Keyspace, keys: Bytes[]) => Reply | undefined): BlockRequest {
  return {
    type: 'block',
    keys,
    timeoutMs,
    tryServe: guardedServe(({ db }, readyKey) => serve(db, (readyKey === undefined ? keys : [readyKey]).filter((k) => db.get(k)?.type === 'zset'))),
    onTimeout: NIL_ARRAY,
    deniedReply: NIL_ARRAY,
  };
}

function bzpop(name: string, max: boolean): CommandSpec {
  return command(name, -3, ['write', 'fast', 'blocking'], [1, -2, 1], ({ db }, args) => {
    const timeoutMs = parseTimeout(args[args.length - 1]!);
    const keys = args.slice(1, -1).map((k) => k.toString('latin1'));
    return popOne(db, keys, max) ?? waitFor(keys, timeoutMs, (d, k) => popOne(d, k, max));
  });
}

const zmpop = command('zmpop', -4, ['write'], [0, 0, 0], ({ db }, args) => {
  const { keys, where, count } = parseMpop(args, 1, ['min', 'max'] as const);
  return popMany(db, keys, where === 'max', count) ?? NIL_ARRAY;
});

const bzmpop = command('bzmpop', -5, ['write', 'blocking'], [0, 0, 0], ({ db }, args) => {
  const { keys, where, count } = parseMpop(args, 2, ['min', 'max'] as const);
  // Redis reads the timeout after the rest (unlike BZPOPMIN, where it comes first).
  const timeoutMs = parseTimeout(args[1]!);
  const max = where === 'max';
  return popMany(db, keys, max, count) ?? waitFor(keys, timeoutMs, (d, k) => popMany(d, k, max, count));
});

export const popCommands: CommandSpec[] = [zpop('zpopmin', false), zpop('zpopmax', true), bzpop('bzpopmin', false), bzpop('bzpopmax', true), zmpop, bzmpop];
