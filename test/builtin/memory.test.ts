import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { RawConnection } from './harness/connection.js';
import { encodeReply } from './harness/resp.js';

// The memory cap. Used memory includes a bare server's baseline on both sides, so the comparison puts
// both servers firmly over their cap the same way (maxmemory 1 byte, set after one key is stored) and
// then compares what every kind of command answers.
let redis: TestRedis;
let tiny: RunningEngine;
let capped: RunningEngine;

beforeAll(async () => {
  [redis, tiny, capped] = await Promise.all([
    startRedis(['--maxmemory-policy', 'noeviction']),
    startBuiltinEngine({ maxMemoryBytes: 0 }),
    startBuiltinEngine({ maxMemoryBytes: 4 * 1024 * 1024 }),
  ]);
});

afterAll(async () => {
  await Promise.all([redis?.stop(), tiny?.close(), capped?.close()]);
});

const cmd = (...args: string[]) => args.map((a) => Buffer.from(a, 'latin1'));

async function run(conn: RawConnection, steps: Buffer[][]): Promise<string[]> {
  const out: string[] = [];
  for (const step of steps) {
    conn.send(step);
    const reply = await conn.read();
    out.push(`${step.map((a) => a.toString()).join(' ')} -> ${reply === undefined ? '<none>' : JSON.stringify(encodeReply(reply))}`);
  }
  return out;
}

const OVER_THE_CAP = [
  cmd('SET', 'k', 'v'),
  cmd('APPEND', 'seed', 'more'),
  cmd('INCR', 'n'),
  cmd('GET', 'seed'),
  cmd('STRLEN', 'seed'),
  cmd('EXISTS', 'seed'),
  cmd('EXPIRE', 'seed', '1000'),
  cmd('TTL', 'seed'),
  cmd('MULTI'),
  cmd('GET', 'seed'),
  cmd('EXEC'),
  cmd('MULTI'),
  cmd('DISCARD'),
  cmd('PING'),
  cmd('DEL', 'seed'),
  cmd('SET', 'k', 'v'),
];

it('over the cap, answers every kind of command as Redis with maxmemory and noeviction', async () => {
  const real = await RawConnection.open(redis.port);
  await run(real, [cmd('SET', 'seed', 'x'), cmd('CONFIG', 'SET', 'maxmemory', '1')]);
  const expected = await run(real, OVER_THE_CAP);
  await run(real, [cmd('CONFIG', 'SET', 'maxmemory', '0')]);
  real.close();
  const ours = await RawConnection.open(tiny.port);
  await run(ours, [cmd('SET', 'seed', 'x'), cmd('CONFIG', 'SET', 'maxmemory', '1')]);
  const actual = await run(ours, OVER_THE_CAP);
  ours.close();
  expect(actual).toEqual(expected);
  expect(actual[0]).toBe(`SET k v -> ${JSON.stringify("-OOM command not allowed when used memory > 'maxmemory'.\r\n")}`);
});

it('fills up to the cap, refuses beyond it, and takes writes again after FLUSHALL', async () => {
  const conn = await RawConnection.open(capped.port);
  const value = 'x'.repeat(64 * 1024);
  let accepted = 0;
  for (; accepted < 1000; accepted++) {
    conn.send(cmd('SET', `fill:${accepted}`, value));
    const reply = await conn.read();
    if (reply?.t === '-') {
      expect(reply.v).toBe("OOM command not allowed when used memory > 'maxmemory'.");
      break;
    }
  }
  // 4 MB less a bare server's 0.84 MB, in 64 KB values that jemalloc places in its 80 KB class: about 40.
  expect(accepted).toBeGreaterThan(36);
  expect(accepted).toBeLessThan(44);
  expect(await run(conn, [cmd('FLUSHALL'), cmd('SET', 'again', 'yes')])).toEqual(['FLUSHALL -> "+OK\\r\\n"', 'SET again yes -> "+OK\\r\\n"']);
  conn.close();
});
