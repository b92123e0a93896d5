import { describe, expect, it } from 'vitest';
import { useRedisAndEngine } from './harness/servers.js';
import { RawConnection } from './harness/connection.js';
import { encodeRequest } from './harness/resp.js';

// The data path's fast paths (issue 14, speed), sent as one pipeline to a real redis-server and to the
// engine, every reply compared. Arguments become strings through latin1.ts, which hands out the last
// string of the same length again when the bytes are equal (compared from the end) and builds strings of
// up to 8 bytes in JS: arguments of one length that differ only in their first byte, in a middle byte,
// in bytes above 127 or a NUL, at the lengths where the way of building changes (8/9, 32/33), and empty
// ones must each be kept as sent.

const servers = useRedisAndEngine();

/** Every reply to `commands`, sent in one write, as the bytes each reply was written with. */
async function pipeline(port: number, commands: string[][]): Promise<string[]> {
  const conn = await RawConnection.open(port);
  conn.writeRaw(Buffer.concat(commands.map((c) => encodeRequest(c.map((a) => Buffer.from(a, 'latin1'))))));
  const replies: string[] = [];
  for (let i = 0; i < commands.length; i++) replies.push(JSON.stringify(await conn.read()));
  conn.close();
  return replies;
}

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

describe('speed paths: arguments kept as sent', () => {
  it('strings of one length one byte apart (MSET, SET, INCR)', async () => {
    const cmds = strings();
    const [expected, actual] = await Promise.all([pipeline(servers.redisPort, cmds), pipeline(servers.enginePort, cmds)]);
    expect(actual).toEqual(expected);
  });

  it('list elements, hash fields and values, set and zset members one byte apart', async () => {
    const cmds = collections();
    const [expected, actual] = await Promise.all([pipeline(servers.redisPort, cmds), pipeline(servers.enginePort, cmds)]);
    expect(actual).toEqual(expected);
  });
});
