import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { RespClient } from '../../../src/resp/client.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { Rng } from '../random/rng.js';
import { show } from './differential.js';

// Seeded scenarios of blocked stream readers: a few clients block (XREAD with ids or $, XREADGROUP with
// > on one or two streams, COUNT, NOACK), one after another; then a writer runs a random mix of XADD,
// XDEL, XTRIM, XSETID, XACK, XGROUP DESTROY/CREATE/SETID, DEL, SET and transactions of them. Every blocked client's answer
// (entries, UNBLOCKED, NOGROUP, or nil at its timeout) and the state after must be Redis's.

let redis: TestRedis;
let engine: RunningEngine;
const endpoint = (port: number) => ({ host: '127.0.0.1', port, tls: false, source: 'test' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  [redis, engine] = await Promise.all([startRedis(), startBuiltinEngine()]);
});

afterAll(async () => {
  await Promise.all([redis?.stop(), engine?.close()]);
});

interface Scenario {
  setup: string[][];
  waiters: string[][];
  writes: string[][];
  after: string[][];
}

const KEYS = ['s', 't'];

function scenario(seed: number): Scenario {
  const r = new Rng(seed);
  let ms = 10;
  const setup: string[][] = [];
  for (const k of KEYS) {
    for (let i = 0; i < r.int(0, 3); i++) setup.push(['XADD', k, `${ms++}-1`, 'f', String(i)]);
    setup.push(['XGROUP', 'CREATE', k, 'g', r.pick(['$', '0']), 'MKSTREAM']);
  }
  const waiters: string[][] = [];
  for (let i = 0; i < r.int(1, 4); i++) {
    const keys = r.chance(0.3) ? KEYS : [r.pick(KEYS)];
    const count = r.chance(0.4) ? ['COUNT', String(r.int(1, 2))] : [];
    if (r.chance(0.5)) waiters.push(['XREAD', ...count, 'BLOCK', '400', 'STREAMS', ...keys, ...keys.map(() => r.pick(['$', '$', `${ms + r.int(0, 3)}-0`]))]);
    else waiters.push(['XREADGROUP', 'GROUP', r.pick(['g', 'g', 'h']), `c${i}`, ...count, ...(r.chance(0.3) ? ['NOACK'] : []), 'BLOCK', '400', 'STREAMS', ...keys, ...keys.map(() => '>')]);
  }
  const write = (): string[] => {
    const k = r.pick(KEYS);
    return r.pick([
      ['XADD', k, `${ms++}-1`, 'f', 'v'],
      ['XADD', k, `${ms++}-1`, 'f', 'v'],
      ['XADD', k, `${ms++}-1`, 'f', 'v'],
      ['XDEL', k, `${ms - 1}-1`],
      ['XGROUP', 'DESTROY', k, 'g'],
      ['XGROUP', 'CREATE', k, r.pick(['g', 'h']), '$'],
      ['XGROUP', 'SETID', k, 'g', '0'],
      ['DEL', k],
      ['SET', k, 'x'],
      ['XADD', k, 'MAXLEN', '0', `${ms++}-1`, 'f', 'v'],
      ['XTRIM', k, 'MAXLEN', String(r.int(0, 1))],
      ['XSETID', k, `${(ms += 2)}-0`],
      ['XACK', k, 'g', `${ms - 1}-1`],
    ]);
  };
  const writes: string[][] = [];
  for (let i = 0; i < r.int(1, 4); i++) {
    if (r.chance(0.3)) writes.push(['MULTI'], write(), write(), ['EXEC']);
    else writes.push(write());
  }
  const after = KEYS.flatMap((k) => [
    ['TYPE', k],
    ['XRANGE', k, '-', '+'],
    ['XINFO', 'GROUPS', k],
    ['XPENDING', k, 'g'],
  ]);
  return { setup, waiters, writes, after };
}

async function run(port: number, s: Scenario): Promise<string[]> {
  const admin = await RespClient.connect(endpoint(port));
  const clients = await Promise.all(s.waiters.map(() => RespClient.connect(endpoint(port))));
  try {
    await admin.call(['FLUSHALL']);
    const out: string[] = [];
    for (const c of s.setup) out.push(show(await admin.call(c)));
    const pending = [];
    for (let i = 0; i < s.waiters.length; i++) {
      await clients[i]!.call(['PING']);
      pending.push(clients[i]!.call(s.waiters[i]!));
      await sleep(15);
    }
    for (const c of s.writes) out.push(show(await admin.call(c)));
    for (const [i, p] of pending.entries()) out.push(`waiter ${i}: ${show(await p)}`);
    for (const c of s.after) out.push(show(await admin.call(c)));
    return out;
  } finally {
    admin.close();
    for (const c of clients) c.close();
  }
}

describe('blocked XREAD and XREADGROUP under random writes, as on Redis', () => {
  it.each(Array.from({ length: 48 }, (_, i) => i + 1))('scenario %i', { timeout: 30_000 }, async (seed) => {
    const s = scenario(seed);
    const [want, got] = await Promise.all([run(redis.port, s), run(engine.port, s)]);
    const listing = [...s.setup, ...s.waiters.map((w) => ['(blocked)', ...w]), ...s.writes].map((c) => c.join(' ')).join('\n');
    expect(got, listing).toEqual(want);
  });
});
