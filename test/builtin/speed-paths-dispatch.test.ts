import { describe, expect, it } from 'vitest';
import { useRedisAndEngine } from './harness/servers.js';
import { RawConnection } from './harness/connection.js';

// The per-command path's fast paths (issue 14, speed), against a real redis-server and the engine.
//
// The clock: a command that follows a fast one in the same batch of input reuses the time read for it
// (src/builtin/clock.ts, forCommand). So a command not flagged fast (DEBUG SLEEP) must make the next one
// read the time again, and a new batch of input must read it again however few commands ran before.
//
// INFO commandstats: each command keeps its record itself; CONFIG RESETSTAT drops the records, and a
// command that had run before must then be timed and counted in a fresh one.

const servers = useRedisAndEngine();

const request = (...args: string[]): string => `*${args.length}\r\n` + args.map((a) => `$${a.length}\r\n${a}\r\n`).join('');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends each chunk (a batch of pipelined commands) after the previous chunk's replies, `gapMs` apart; answers every reply, one a line. */
async function batches(port: number, chunks: string[][], gapMs: number): Promise<string> {
  const conn = await RawConnection.open(port);
  let out = '';
  for (const chunk of chunks) {
    conn.writeRaw(chunk.join(''));
    for (let i = 0; i < chunk.length; i++) out += JSON.stringify(await conn.read()) + '\n';
    await pause(gapMs);
  }
  conn.close();
  return out;
}

const twice = async (chunks: string[][], gapMs = 0): Promise<[string, string]> =>
  Promise.all([batches(servers.redisPort, chunks, gapMs), batches(servers.enginePort, chunks, gapMs)]);

describe('speed paths: the time a command sees', () => {
  it('a command after DEBUG SLEEP in the same batch sees the time after the sleep', async () => {
    const setup = [request('FLUSHALL'), request('DEBUG', 'SET-ACTIVE-EXPIRE', '0')];
    const probe = [request('SET', 'k', 'v', 'PX', '100'), request('GET', 'k'), request('DEBUG', 'SLEEP', '0.2'), request('GET', 'k'), request('EXISTS', 'k')];
    const done = [request('DEBUG', 'SET-ACTIVE-EXPIRE', '1')];
    const [expected, actual] = await twice([setup, probe, done]);
    expect(expected).toContain('{"t":"$","v":"v"}\n{"t":"+","v":"OK"}\n{"t":"$","v":null}\n{"t":":","v":"0"}\n');
    expect(actual).toEqual(expected);
  });

  it('a new batch reads the time again after a few fast commands in the last one', async () => {
    const chunks = [[request('FLUSHALL'), request('DEBUG', 'SET-ACTIVE-EXPIRE', '0')]];
    // Several rounds, each a short batch then one after the key's time has passed (the cron's own read
    // could hide one round).
    for (let i = 0; i < 5; i++) chunks.push([request('SET', `k${i}`, 'v', 'PX', '50'), request('GET', `k${i}`)], [request('GET', `k${i}`)]);
    chunks.push([request('DEBUG', 'SET-ACTIVE-EXPIRE', '1')]);
    const [expected, actual] = await twice(chunks, 120);
    expect(expected.match(/"v":null/g)?.length).toBe(5);
    expect(actual).toEqual(expected);
  });
});

describe('speed paths: the request parser', () => {
  it('a command with more arguments than the parser makes room for at once (1024)', async () => {
    const members = Array.from({ length: 1500 }, (_, i) => `m${i}`);
    const chunks = [[request('DEL', 'l'), request('RPUSH', 'l', ...members), request('LLEN', 'l'), request('LRANGE', 'l', '1020', '1030'), request('LINDEX', 'l', '-1')]];
    const [expected, actual] = await twice(chunks);
    expect(expected).toContain('"v":"1500"');
    expect(actual).toEqual(expected);
  });
  it('an argument that repeats the last one of its length is the same one; one that differs anywhere is not', async () => {
    // One batch: the parser hands out the last argument of the same length again when its bytes are the
    // same (request-parser.ts, lastArgs), and latin1 then knows it by identity. Arguments that differ only
    // in their first byte, only in their last, in length, or sit beside another of their length (a field
    // and its value, MSET's keys and values) must each be read as sent.
    const key = 'key:000000000000';
    const chunk = [
      request('FLUSHALL'),
      request('SET', key, 'aaaa'),
      request('SET', 'xey:000000000000', 'aaab'),
      request('SET', 'key:000000000001', 'baaa'),
      request('SET', key + '0', 'aaaa'),
      request('GET', key),
      request('GET', 'xey:000000000000'),
      request('GET', 'key:000000000001'),
      request('GET', key + '0'),
      request('HSET', 'h', key, key),
      request('HSET', 'h', 'xey:000000000000', key),
      request('HSET', key, 'h', 'v'),
      request('HGETALL', 'h'),
      request('MSET', 'a', '1', 'b', '2', 'c', '3', 'd', '4', 'e', '5'),
      request('MSET', 'a', '1', 'b', '2', 'c', '3', 'd', '4', 'f', '5'),
      request('MGET', 'a', 'b', 'c', 'd', 'e', 'f'),
      request('INCR', 'n'),
      request('INCR', 'n'),
      request('INCR', 'm'),
      request('MGET', 'n', 'm', key, 'xey:000000000000'),
      request('SADD', 's', 'x'.repeat(64)),
      request('SADD', 's', 'x'.repeat(63) + 'y'),
      request('SADD', 's', 'y' + 'x'.repeat(63)),
      request('SADD', 's', 'x'.repeat(65)),
      request('SADD', 's', 'x'.repeat(64)),
      request('SCARD', 's'),
      request('HSET', 'g', 'f1', 'v1', 'f2', 'v2', 'f1', 'v3'),
      request('HSET', 'g', 'v1', 'f1'),
      request('HGETALL', 'g'),
      request('MSET', 'k1', 'k2', 'k2', 'k1', 'k3', 'k3'),
      request('MGET', 'k1', 'k2', 'k3'),
      // A 3-byte value SETBIT holds, copied (its bytes become latin1's last string of 3) between two
      // HSETs whose 'xxx' is one argument Buffer: the second must still read "xxx".
      request('SETBIT', 'bitsval', '23', '1'),
      request('HSET', 'hh', 'ff', 'xxx'),
      request('COPY', 'bitsval', 'cc'),
      request('HSET', 'hh', 'gg', 'xxx'),
      request('HGETALL', 'hh'),
      request('GET', 'cc'),
    ];
    const [expected, actual] = await twice([chunk, chunk]);
    expect(expected).toContain('{"t":"$","v":"aaab"}\n{"t":"$","v":"baaa"}\n');
    expect(expected).toContain('{"t":":","v":"4"}\n');
    expect(actual).toEqual(expected);
  });
});

describe('speed paths: INFO commandstats records', () => {
  it('a command that ran before CONFIG RESETSTAT is timed and counted afresh after it', async () => {
    const conn = await RawConnection.open(servers.enginePort);
    conn.writeRaw(request('DEBUG', 'SLEEP', '0').repeat(300));
    for (let i = 0; i < 300; i++) await conn.read();
    conn.writeRaw(request('CONFIG', 'RESETSTAT') + request('DEBUG', 'SLEEP', '0.002') + request('INFO', 'commandstats'));
    for (let i = 0; i < 2; i++) await conn.read();
    const info = await conn.read();
    conn.close();
    const text = info !== undefined && 'v' in info ? String(info.v) : '';
    const debug = /cmdstat_debug:calls=(\d+),usec=(\d+),/.exec(text);
    expect(debug?.[1]).toBe('1');
    expect(Number(debug?.[2])).toBeGreaterThanOrEqual(2000);
    expect(text).not.toMatch(/cmdstat_info:/);
  });
});
