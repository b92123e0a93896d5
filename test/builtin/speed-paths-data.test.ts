import { describe, expect, it } from 'vitest';
import { useRedisAndEngine } from './harness/servers.js';
import { pipeline } from './harness/pipeline.js';

// The data path's fast paths (issue 14, speed), sent as one pipeline to a real redis-server and to the
// engine, every reply compared. Arguments become strings through latin1.ts, which hands out the last
// string of the same length again when the bytes are equal (compared from the end) and builds strings of
// up to 8 bytes in JS: arguments of one length that differ only in their first byte, in a middle byte,
// in bytes above 127 or a NUL, at the lengths where the way of building changes (8/9, 32/33), and empty
// ones must each be kept as sent.

const servers = useRedisAndEngine();

/** Pairs of one length: first byte apart, a middle byte apart, bytes above 127 and NUL apart. */
const pairs = (n: number): string[] => {
  const base = 'abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, n);
  const mid = Math.floor(n / 2);
  return [base, 'Z' + base.slice(1), base.slice(0, mid) + '\xe9' + base.slice(mid + 1), base.slice(0, mid) + '\x00' + base.slice(mid + 1), base];
};

const LENGTHS = [1, 2, 3, 8, 9, 16, 32, 33];

function strings(): string[][] {
  const out: string[][] = [['FLUSHALL']];
  for (const n of LENGTHS) {
    const p = pairs(n);
    out.push(['MSET', ...p.flatMap((k, i) => [k, p[(i + 1) % p.length]!])], ['MGET', ...p]);
    for (const k of p) out.push(['SET', k, k], ['GET', k], ['INCR', k], ['APPEND', k, '']);
  }
  out.push(['SET', '', ''], ['GET', ''], ['MSET', 'e', '', 'e', 'x', 'e', ''], ['GET', 'e'], ['DBSIZE'], ['EXISTS', '', 'e', 'x']);
  return out;
}

function collections(): string[][] {
  const out: string[][] = [['FLUSHALL']];
  for (const n of LENGTHS) {
    const p = pairs(n);
    out.push(['RPUSH', 'l', ...p], ['LPUSH', 'l', ...p], ['LRANGE', 'l', '0', '-1']);
    out.push(['HSET', 'h', ...p.flatMap((f, i) => [f, p[(i + 2) % p.length]!])], ['HGETALL', 'h']);
    out.push(['SADD', 's', ...p], ['SMISMEMBER', 's', ...p, 'x'], ['ZADD', 'z', ...p.flatMap((m, i) => [String(i), m])], ['ZRANGE', 'z', '0', '-1', 'WITHSCORES']);
  }
  return out;
}

// INCR reads a held value of up to 15 characters as a number straight from its latin1 string
// (StoredString.smallInteger): values that are not canonical integers must fail or go the BigInt way as
// in Redis, at and around 15 characters, signed, and at the 64-bit edges.
const COUNTERS = ['0', '-0', '012', '-', '', '+1', ' 1', '1 ', '1.0', '1e3', '\xe91', '1\x00', '999999999999999', '-99999999999999', '-999999999999999', '9999999999999999', '9007199254740991', '9223372036854775806', '9223372036854775807', '-9223372036854775808', '42'];

function counters(): string[][] {
  const out: string[][] = [['FLUSHALL']];
  for (const v of COUNTERS) out.push(['SET', 'c', v], ['INCR', 'c'], ['GET', 'c'], ['OBJECT', 'ENCODING', 'c'], ['DECRBY', 'c', '2'], ['GET', 'c'], ['INCRBY', 'c', '-9007199254740993'], ['GET', 'c']);
  out.push(['INCR', 'fresh'], ['INCR', 'fresh'], ['APPEND', 'fresh', '0'], ['INCR', 'fresh'], ['OBJECT', 'ENCODING', 'fresh']);
  return out;
}

// ZADD reads a score of digits with an optional '-' (at most 15 bytes) from its bytes, and takes an
// argument that does not start with a letter as the first score without reading it as a flag: scores
// at and around that shape, and flags in any case before them, must read as strtod and Redis read them.
const SCORES = ['0', '-0', '007', '-', '+5', '1.5', '.5', '5.', '1e3', 'inf', '-inf', '+inf', ' 1', '1 ', '0x10', '', 'nan', '999999999999999', '-99999999999999', '9999999999999999', '12345678901234567890', '\xe9'];

function scores(): string[][] {
  const out: string[][] = [['FLUSHALL']];
  for (const v of SCORES) out.push(['ZADD', 'z', v, 'm'], ['ZSCORE', 'z', 'm'], ['ZINCRBY', 'z', v, 'm'], ['ZADD', 'z', 'INCR', v, 'm'], ['ZSCORE', 'z', 'm']);
  for (const flags of [['nx'], ['Xx'], ['CH'], ['gt', 'ch'], ['LT'], ['incr'], ['nx', 'xx'], ['foo']]) out.push(['ZADD', 'z', ...flags, '3', 'm', ...(flags[0] === 'incr' ? [] : ['4', 'n'])], ['ZRANGE', 'z', '0', '-1', 'WITHSCORES']);
  return out;
}

const cases: Array<[string, () => string[][]]> = [
  ['ZADD and ZINCRBY scores and flags', scores],
  ['INCR, DECRBY and INCRBY over values that are and are not small integers', counters],
  ['strings of one length one byte apart (MSET, SET, INCR)', strings],
  ['list elements, hash fields and values, set and zset members one byte apart', collections],
];

describe('speed paths: arguments kept as sent', () => {
  for (const [title, commands] of cases) {
    it(title, async () => {
      const cmds = commands();
      const [expected, actual] = await Promise.all([pipeline(servers.redisPort, cmds), pipeline(servers.enginePort, cmds)]);
      expect(actual).toEqual(expected);
    });
  }
});
