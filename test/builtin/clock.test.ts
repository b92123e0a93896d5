import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { RespClient } from '../../src/resp/client.js';
import type { RespReply } from '../../src/resp/types.js';
import { startRedis } from '../helpers/redis-server.js';

// The clock a lesson moves with `@wait 4s`: on the built-in engine the time passes at once, and
// everything that depends on it (TTLs, TIME, uptime, WATCH, blocked clients) must see it pass.
let engine: RunningEngine;
let client: RespClient;
const open: RespClient[] = [];

async function connect(port: number): Promise<RespClient> {
  const c = await RespClient.connect({ host: '127.0.0.1', port, tls: false, source: 'test' });
  open.push(c);
  return c;
}

beforeEach(async () => {
  engine = await startBuiltinEngine();
  client = await connect(engine.port);
});

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await engine.close();
});

const call = (...args: string[]) => client.call(args);
const int = (n: number): RespReply => ({ type: 'integer', value: BigInt(n) });
const NIL: RespReply = { type: 'bulk', value: null };
const NIL_ARRAY: RespReply = { type: 'array', value: null };

function text(reply: RespReply): string {
  if (reply.type !== 'bulk' || reply.value === null) throw new Error(`expected a bulk string, got ${JSON.stringify(reply)}`);
  return reply.value.toString();
}

function integerOf(reply: RespReply): number {
  if (reply.type !== 'integer') throw new Error(`expected an integer, got ${JSON.stringify(reply)}`);
  return Number(reply.value);
}

/** The reply, or 'no reply' when none came within `ms` of real time. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'no reply'> {
  return Promise.race([promise, new Promise<'no reply'>((r) => setTimeout(() => r('no reply'), ms))]);
}

async function waitBlocked(count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (text(await call('INFO', 'clients')).includes(`blocked_clients:${count}\r\n`)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never saw ${count} blocked clients`);
}

describe('advanceClock', () => {
  it('expires keys whose TTL has passed, everywhere at once, and keeps the others', async () => {
    await call('SET', 'k', 'v', 'EX', '3');
    await call('SET', 'later', 'v', 'EX', '10');
    engine.advanceClock(4000);
    // Counts first: reading `k` would delete it lazily and hide a missing sweep.
    expect(await call('DBSIZE')).toEqual(int(1));
    expect(text(await call('INFO', 'keyspace'))).toContain('db0:keys=1,expires=1');
    expect(await call('KEYS', '*')).toEqual({ type: 'array', value: [{ type: 'bulk', value: Buffer.from('later') }] });
    expect(await call('GET', 'k')).toEqual(NIL);
    expect(await call('TTL', 'k')).toEqual(int(-2));
    expect(await call('EXISTS', 'k')).toEqual(int(0));
    expect(await call('TTL', 'later')).toEqual(int(6));
  });

  it('keeps millisecond precision (PTTL after a partial advance)', async () => {
    await call('SET', 'k', 'v', 'PX', '1500');
    engine.advanceClock(1000);
    const left = integerOf(await call('PTTL', 'k'));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(500);
  });

  it('moves TIME and uptime forward by the advance', async () => {
    const before = await call('TIME');
    engine.advanceClock(30 * 60 * 1000);
    const after = await call('TIME');
    const seconds = (r: RespReply) => Number(text((r.value as RespReply[])[0]!));
    expect(seconds(after) - seconds(before)).toBeGreaterThanOrEqual(1800);
    expect(seconds(after) - seconds(before)).toBeLessThan(1800 + 5);
    expect(text(await call('INFO', 'server'))).toMatch(/uptime_in_seconds:18\d\d\r\n/);
  });

  it('makes EXEC fail when a WATCHed key expired, as Redis 7.0 does after a real wait', async () => {
    const steps = {
      before: [['SET', 'w', 'v', 'PX', '300'], ['SET', 'alive', 'v', 'EX', '100'], ['WATCH', 'w']],
      after: [['MULTI'], ['SET', 'other', '1'], ['EXEC'], ['GET', 'other'], ['WATCH', 'alive'], ['MULTI'], ['SET', 'other', '2'], ['EXEC']],
    };
    const run = async (c: RespClient, wait: () => Promise<void>) => {
      const out: RespReply[] = [];
      for (const s of steps.before) out.push(await c.call(s));
      await wait();
      for (const s of steps.after) out.push(await c.call(s));
      return out;
    };
    const redis = await startRedis();
    let expected: RespReply[];
    try {
      expected = await run(await connect(redis.port), () => new Promise((r) => setTimeout(r, 600)));
    } finally {
      await redis.stop();
    }
    const actual = await run(client, async () => engine.advanceClock(600));
    expect(actual).toEqual(expected);
    expect(actual[5]).toEqual(NIL_ARRAY);
    expect(actual[10]).toEqual({ type: 'array', value: [{ type: 'simple', value: 'OK' }] });
  });

  it('answers a blocked BLPOP with its timeout reply once the clock passed its timeout, without waiting', async () => {
    const waiter = await connect(engine.port);
    const started = Date.now();
    const reply = waiter.call(['BLPOP', 'q', '5']);
    await waitBlocked(1);
    engine.advanceClock(6000);
    expect(await within(reply, 1000)).toEqual(NIL_ARRAY);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(text(await call('INFO', 'clients'))).toContain('blocked_clients:0\r\n');
  });

  it('leaves a BLPOP whose timeout has not passed blocked, for only the time left', async () => {
    const waiter = await connect(engine.port);
    const reply = waiter.call(['BLPOP', 'q', '6.5']);
    await waitBlocked(1);
    engine.advanceClock(6000);
    expect(await within(reply, 200)).toBe('no reply');
    // 0.5 s of its 6.5 s remain: it times out well before 6.5 real seconds would have passed.
    expect(await within(reply, 2000)).toEqual(NIL_ARRAY);
  });

  it('still serves a blocked BLPOP pushed to after an advance', async () => {
    const waiter = await connect(engine.port);
    const reply = waiter.call(['BLPOP', 'q', '10']);
    await waitBlocked(1);
    engine.advanceClock(4000);
    await call('RPUSH', 'q', 'x');
    expect(await within(reply, 1000)).toEqual({ type: 'array', value: [{ type: 'bulk', value: Buffer.from('q') }, { type: 'bulk', value: Buffer.from('x') }] });
  });

  it('only moves forward', () => {
    expect(() => engine.advanceClock(-1)).toThrow(RangeError);
    expect(() => engine.advanceClock(Number.NaN)).toThrow(RangeError);
  });
});
