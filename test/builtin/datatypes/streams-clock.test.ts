import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { RespClient } from '../../../src/resp/client.js';
import type { RespReply } from '../../../src/resp/types.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { show } from './differential.js';

// Stream replies that carry times: XPENDING's idle, XINFO CONSUMERS' idle, XINFO STREAM FULL's
// seen-time and delivery times, XADD's generated ids. Compared with Redis with the times masked (a
// time must be a number of the right size), and then on the engine's clock alone: advanceClock must
// age pending entries and consumers, time out blocked XREAD/XREADGROUP, and move generated ids.

let redis: TestRedis;
let engine: RunningEngine;
let real: RespClient;
let ours: RespClient;
const endpoint = (port: number) => ({ host: '127.0.0.1', port, tls: false, source: 'test' });

beforeAll(async () => {
  [redis, engine] = await Promise.all([startRedis(), startBuiltinEngine()]);
  [real, ours] = await Promise.all([RespClient.connect(endpoint(redis.port)), RespClient.connect(endpoint(engine.port))]);
});

afterAll(async () => {
  real?.close();
  ours?.close();
  await Promise.all([redis?.stop(), engine?.close()]);
});

/** XPENDING's idle times (each entry's third element) under a second become "<idle>". */
function maskPendingIdle(reply: RespReply, args: string[]): RespReply {
  if (args[0] !== 'XPENDING' || reply.type !== 'array' || reply.value === null) return reply;
  return {
    type: 'array',
    value: reply.value.map((e) => {
      if (e.type !== 'array' || e.value?.length !== 4) return e;
      const idle = e.value[2]!;
      return idle.type === 'integer' && idle.value < 1000n ? { type: 'array', value: [e.value[0]!, e.value[1]!, { type: 'simple', value: '<idle>' }, e.value[3]!] } : e;
    }),
  };
}

/** Idle times under a second become "<idle>", epoch times within a minute of now "<now>", long idles seconds. */
function masked(reply: RespReply, args: string[]): string {
  return show(maskPendingIdle(reply, args))
    .replace(/:(\d+)/g, (m, n: string) => {
      const v = Number(n);
      if (Math.abs(v - Date.now()) < 60_000) return ':<now>';
      if (v > 1e12) return `:<now-${Math.round((Date.now() - v) / 100_000)}00s>`;
      if (v >= 1_000_000 && Math.abs(v - Date.now()) > 60_000 && v < 1_000_000_000) return `:~${Math.round(v / 1000)}s`;
      return m;
    })
    .replace(/"idle", :\d+/g, '"idle", :<idle>');
}

const SETUP = [
  ['XADD', 's', '1-1', 'a', '1'],
  ['XADD', 's', '2-1', 'b', '2'],
  ['XADD', 's', '3-1', 'c', '3'],
  ['XGROUP', 'CREATE', 's', 'g', '0'],
  ['XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '1', 'STREAMS', 's', '>'],
  ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 's', '>'],
  ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 's', '0'],
  ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c0'],
];

// Each reply is compared with its idle times masked: small idles are the same on both, give or take a millisecond.
const CHECKS = [
  ['XPENDING', 's', 'g', '-', '+', '10'],
  ['XPENDING', 's', 'g', '-', '+', '10', 'c1'],
  ['XPENDING', 's', 'g', '-', '+', '1'],
  ['XPENDING', 's', 'g', '(1-1', '+', '10'],
  ['XPENDING', 's', 'g', '-', '(3-1', '10'],
  ['XPENDING', 's', 'g', '2', '2', '10'],
  ['XPENDING', 's', 'g', 'IDLE', '0', '-', '+', '10', 'c2'],
  ['XINFO', 'CONSUMERS', 's', 'g'],
  ['XINFO', 'STREAM', 's', 'FULL'],
  ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', '1'],
  ['XCLAIM', 's', 'g', 'c3', '0', '1-1', 'IDLE', '5000000', 'JUSTID'],
  ['XPENDING', 's', 'g', '-', '+', '10'],
  ['XCLAIM', 's', 'g', 'c3', '0', '2-1', 'TIME', '1000', 'JUSTID'],
  ['XPENDING', 's', 'g', '-', '+', '10'],
  ['XDEL', 's', '3-1'],
  ['XREADGROUP', 'GROUP', 'g', 'c2', 'STREAMS', 's', '0'],
  ['XINFO', 'STREAM', 's', 'FULL'],
];

async function transcript(client: RespClient): Promise<string[]> {
  await client.call(['FLUSHALL']);
  for (const c of SETUP) await client.call(c);
  const out: string[] = [];
  for (const c of CHECKS) out.push(`${c.join(' ')} -> ${masked(await client.call(c), c)}`);
  return out;
}

describe('stream replies with times, masked, as on Redis', () => {
  it('XPENDING ranges, XINFO CONSUMERS and XINFO STREAM FULL', async () => {
    const [want, got] = await Promise.all([transcript(real), transcript(ours)]);
    expect(got).toEqual(want);
  });
});

describe("streams on the engine's clock", () => {
  const call = async (args: string[]): Promise<RespReply> => ours.call(args);
  const int = (r: RespReply): number => Number(r.value as bigint);

  it('pending entries and consumers age with advanceClock', async () => {
    await call(['FLUSHALL']);
    for (const c of SETUP) await call(c);
    engine.advanceClock(60_000);
    const pending = (await call(['XPENDING', 's', 'g', '-', '+', '10'])).value as RespReply[];
    for (const p of pending) expect(int((p.value as RespReply[])[2]!)).toBeGreaterThanOrEqual(60_000);
    expect(((await call(['XPENDING', 's', 'g', 'IDLE', '59000', '-', '+', '10'])).value as RespReply[]).length).toBe(3);
    const consumers = (await call(['XINFO', 'CONSUMERS', 's', 'g'])).value as RespReply[];
    for (const c of consumers) expect(int((c.value as RespReply[])[5]!)).toBeGreaterThanOrEqual(60_000);
    // XCLAIM with a minimum idle time now takes them; XAUTOCLAIM too.
    expect(show(await call(['XCLAIM', 's', 'g', 'c9', '59000', '1-1', 'JUSTID']))).toBe('["1-1"]');
    expect(show(await call(['XAUTOCLAIM', 's', 'g', 'c9', '59000', '0', 'JUSTID']))).toBe('["0-0", ["2-1", "3-1"], []]');
  });

  it('XADD * reads the engine clock', async () => {
    await call(['FLUSHALL']);
    const before = Date.now();
    engine.advanceClock(3_600_000);
    const id = String((await call(['XADD', 'k', '*', 'f', 'v'])).value);
    expect(Number(id.split('-')[0])).toBeGreaterThanOrEqual(before + 3_600_000);
  });

  it('blocked XREAD and XREADGROUP time out when the clock passes their deadline', async () => {
    await call(['FLUSHALL']);
    await call(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    const waiter = await RespClient.connect(endpoint(engine.port));
    const waiter2 = await RespClient.connect(endpoint(engine.port));
    try {
      const read = waiter.call(['XREAD', 'BLOCK', '600000', 'STREAMS', 's', '$']);
      const grouped = waiter2.call(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '900000', 'STREAMS', 's', '>']);
      await new Promise((r) => setTimeout(r, 50));
      engine.advanceClock(700_000);
      expect(show(await read)).toBe('(nil array)');
      engine.advanceClock(300_000);
      expect(show(await grouped)).toBe('(nil array)');
      // The consumer of a read that timed out was never created, as in Redis.
      expect(show(await call(['XINFO', 'CONSUMERS', 's', 'g']))).toBe('[]');
    } finally {
      waiter.close();
      waiter2.close();
    }
  });

  it('a blocked XREADGROUP is served by XADD, its consumer seen at the engine time', async () => {
    await call(['FLUSHALL']);
    await call(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    const waiter = await RespClient.connect(endpoint(engine.port));
    try {
      const grouped = waiter.call(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 's', '>']);
      await new Promise((r) => setTimeout(r, 50));
      engine.advanceClock(10_000);
      await call(['XADD', 's', '5-5', 'f', 'v']);
      expect(show(await grouped)).toBe('[["s", [["5-5", ["f", "v"]]]]]');
      const full = show(await call(['XINFO', 'STREAM', 's', 'FULL']));
      const seen = Number(/"seen-time", :(\d+)/.exec(full)![1]);
      expect(seen).toBeGreaterThanOrEqual(Date.now() + 10_000 - 1000);
    } finally {
      waiter.close();
    }
  });
});
