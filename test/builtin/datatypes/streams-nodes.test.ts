import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { RespClient } from '../../../src/resp/client.js';
import type { RespReply } from '../../../src/resp/types.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { Rng } from '../random/rng.js';
import { show } from './differential.js';

// Redis keeps a stream's entries in listpack nodes (100 entries or 4096 bytes each, counted Redis's way)
// and `~` trimming only removes whole nodes, so XLEN after an approximate trim, and XINFO STREAM's
// radix-tree-keys and radix-tree-nodes, tell where the node boundaries are. Thousands of entries of
// many sizes (small, integer-looking, a few hundred bytes, a few kilobytes), with and without the first
// entry's fields, trimmed and deleted at random, must give the same answers on Redis and on the engine.

let redis: TestRedis;
let engine: RunningEngine;
let real: RespClient;
let ours: RespClient;

beforeAll(async () => {
  [redis, engine] = await Promise.all([startRedis(), startBuiltinEngine()]);
  const endpoint = (port: number) => ({ host: '127.0.0.1', port, tls: false, source: 'test' });
  [real, ours] = await Promise.all([RespClient.connect(endpoint(redis.port)), RespClient.connect(endpoint(engine.port))]);
});

afterAll(async () => {
  real?.close();
  ours?.close();
  await Promise.all([redis?.stop(), engine?.close()]);
});

function value(r: Rng): string {
  const kind = r.int(0, 9);
  if (kind < 3) return String(r.int(-5000, 100000));
  if (kind < 4) return String(r.int(-(2 ** 40), 2 ** 40));
  if (kind < 7) return 'v'.repeat(r.int(0, 70));
  if (kind < 9) return 'w'.repeat(r.int(60, 400));
  return 'x'.repeat(r.int(1000, 3000));
}

function entry(r: Rng): string[] {
  if (r.chance(0.6)) return ['temp', value(r), 'hum', value(r)];
  const n = r.int(1, 4);
  return Array.from({ length: n }, (_, i) => [r.pick(['temp', 'hum', 'f', '12', 'long-field-name'.repeat(r.int(1, 5))]) + (i > 1 ? String(i) : ''), value(r)]).flat();
}

/** One scenario's commands: XADDs with explicit ids (some gaps in ms and seq), trims and deletions. */
function scenario(seed: number, adds: number, withGroup = false): string[][] {
  const r = new Rng(seed);
  const out: string[][] = [];
  let ms = r.int(1, 1000);
  let seq = 0;
  const ids: string[] = [];
  for (let i = 0; i < adds; i++) {
    if (r.chance(0.3)) {
      ms += r.pick([1, 1, 7, 300, 70000, 5_000_000]);
      seq = 0;
    } else seq += r.pick([1, 1, 2, 200]);
    const id = `${ms}-${seq}`;
    ids.push(id);
    const trim = r.chance(0.15) ? r.pick([['MAXLEN', '~', String(r.int(0, 800))], ['MAXLEN', '~', String(r.int(0, 80)), 'LIMIT', String(r.int(0, 300))], ['MINID', '~', r.pick(ids)], ['MAXLEN', String(r.int(200, 900))]]) : [];
    out.push(['XADD', 's', ...trim, id, ...entry(r)]);
    if (r.chance(0.05)) out.push(['XDEL', 's', ...r.some(ids, 12)]);
    if (r.chance(0.02)) out.push(['XTRIM', 's', ...r.pick([['MAXLEN', '~', String(r.int(0, 500))], ['MINID', '~', r.pick(ids)], ['MINID', r.pick(ids)], ['MAXLEN', '~', '10', 'LIMIT', '150']])]);
    if (r.chance(0.1)) out.push(['XINFO', 'STREAM', 's']);
    if (withGroup) {
      if (i === 0) out.push(['XGROUP', 'CREATE', 's', 'g', '0']);
      if (r.chance(0.1)) out.push(['XREADGROUP', 'GROUP', 'g', r.pick(['c1', 'c2']), 'COUNT', String(r.int(1, 80)), 'STREAMS', 's', '>']);
      if (r.chance(0.05)) out.push(['XACK', 's', 'g', ...r.some(ids, 20)]);
      if (r.chance(0.03)) out.push(['XAUTOCLAIM', 's', 'g', 'c3', '0', r.pick(ids), 'COUNT', String(r.int(1, 30)), 'JUSTID']);
      if (r.chance(0.02)) out.push(['XGROUP', 'SETID', 's', 'g', r.pick(ids)]);
      if (r.chance(0.05)) out.push(['XINFO', 'GROUPS', 's'], ['XPENDING', 's', 'g']);
    }
    out.push(['XLEN', 's']);
  }
  // FULL shows delivery and seen times once a group has read: compared in streams-clock.test.ts instead.
  out.push(withGroup ? ['XINFO', 'STREAM', 's'] : ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', '3']);
  return out;
}

async function replies(client: RespClient, commands: string[][]): Promise<string[]> {
  await client.call(['FLUSHALL']);
  const out: string[] = [];
  for (let i = 0; i < commands.length; i += 200) {
    const batch = await Promise.all(commands.slice(i, i + 200).map((c) => client.call(c)));
    out.push(...batch.map((reply: RespReply) => show(reply)));
  }
  return out;
}

describe('stream nodes and approximate trimming, as Redis 7.0.15 has them', () => {
  it.each([1, 2, 3, 4, 5, 6])('scenario %i (3000 entries)', { timeout: 120_000 }, async (seed) => {
    const commands = scenario(seed, 3000);
    const [want, got] = await Promise.all([replies(real, commands), replies(ours, commands)]);
    const i = want.findIndex((w, j) => w !== got[j]);
    if (i >= 0) expect.fail(`command ${i + 1}: ${commands[i]!.join(' ').slice(0, 200)}\nredis:  ${want[i]!.slice(0, 800)}\nengine: ${got[i]!.slice(0, 800)}`);
  });

  it.each([7, 8, 9])('scenario %i with a consumer group reading, acknowledging and claiming', { timeout: 120_000 }, async (seed) => {
    const commands = scenario(seed, 3000, true);
    const [want, got] = await Promise.all([replies(real, commands), replies(ours, commands)]);
    const i = want.findIndex((w, j) => w !== got[j]);
    if (i >= 0) expect.fail(`command ${i + 1}: ${commands[i]!.join(' ').slice(0, 200)}\nredis:  ${want[i]!.slice(0, 800)}\nengine: ${got[i]!.slice(0, 800)}`);
  });

  // CONFIG SET of the node limits, where the engine has CONFIG SET (the persistence work adds it).
  it.each([
    ['7', '300'],
    ['0', '4096'],
    ['3', '0'],
  ])('scenario with stream-node-max-entries %s, stream-node-max-bytes %s', { timeout: 120_000 }, async (entries, bytes) => {
    const set = async (c: RespClient, e: string, b: string) => [await c.call(['CONFIG', 'SET', 'stream-node-max-entries', e]), await c.call(['CONFIG', 'SET', 'stream-node-max-bytes', b])];
    if ((await set(ours, entries, bytes)).some((r) => r.type === 'error')) return;
    await set(real, entries, bytes);
    try {
      const commands = scenario(Number(entries) * 10 + Number(bytes), 3000);
      const [want, got] = await Promise.all([replies(real, commands), replies(ours, commands)]);
      const i = want.findIndex((w, j) => w !== got[j]);
      if (i >= 0) expect.fail(`command ${i + 1}: ${commands[i]!.join(' ').slice(0, 200)}\nredis:  ${want[i]!.slice(0, 800)}\nengine: ${got[i]!.slice(0, 800)}`);
    } finally {
      await Promise.all([set(real, '100', '4096'), set(ours, '100', '4096')]);
    }
  });

  it('MAXLEN ~ on a small stream keeps every entry (one node)', async () => {
    for (const c of [real, ours]) {
      await c.call(['FLUSHALL']);
      for (const id of ['1-1', '2-1', '3-1']) await c.call(['XADD', 'k', id, 'f', 'v']);
      expect(show(await c.call(['XADD', 'k', 'MAXLEN', '~', '2', '4-1', 'f', 'v']))).toBe('"4-1"');
      expect(show(await c.call(['XLEN', 'k']))).toBe(':4');
    }
  });
});
