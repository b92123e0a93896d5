import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infoField, pipelined, startPair, type Pair } from './servers.js';

// Each maxmemory-policy run the same way on a real redis-server and on the engine: 2,000 keys of 1 KB,
// every other one with a TTL (longer for higher numbers), 200 of them read often; then a cap 300 KB
// under what is used and 300 more keys. What must hold is what Redis's policy promises (its sampling
// is approximate on both sides): the real server is run through the same checks, so they test the policy,
// not a guess.
let pair: Pair;
beforeAll(async () => {
  pair = await startPair(0);
});
afterAll(() => pair?.stop());

const KEYS = 2000;
const HOT = 200;
const value = 'v'.repeat(1024);
const isVolatile = (i: number): boolean => i % 2 === 1;

interface Outcome {
  server?: string;
  evicted: number;
  survivors: Set<number>;
  errors: string[];
  usedOverCap: number;
}

async function run(client: Redis, policy: string, withTtl = true): Promise<Outcome> {
  await client.config('SET', 'maxmemory', '0');
  await client.flushall();
  await client.config('SET', 'maxmemory-policy', policy);
  await client.config('RESETSTAT');
  await pipelined(client, Array.from({ length: KEYS }, (_, i) => (withTtl && isVolatile(i) ? ['SET', `k:${i}`, value, 'EX', String(10_000 + i)] : ['SET', `k:${i}`, value])));
  // Redis's LRU clock counts seconds: the hot keys' last access must come visibly later.
  await new Promise((r) => setTimeout(r, 1100));
  for (let round = 0; round < 30; round++) await pipelined(client, Array.from({ length: HOT }, (_, i) => ['GET', `k:${i}`]));
  const cap = (await infoField(client, 'memory', 'used_memory')) - 300 * 1024;
  await client.config('SET', 'maxmemory', String(cap));
  const errors = await pipelined(client, Array.from({ length: 300 }, (_, i) => ['SET', `n:${i}`, value]), 50);
  const usedOverCap = (await infoField(client, 'memory', 'used_memory')) - cap;
  const survivors = new Set<number>();
  for (let i = 0; i < KEYS; i++) if ((await client.exists(`k:${i}`)) === 1) survivors.add(i);
  const evicted = await infoField(client, 'stats', 'evicted_keys');
  await client.config('SET', 'maxmemory', '0');
  await client.config('SET', 'maxmemory-policy', 'noeviction');
  return { evicted, survivors, errors, usedOverCap };
}

/** The outcome on Redis, then on the engine, each labelled so a failure names its server. */
const both = async (policy: string, withTtl = true): Promise<Outcome[]> => [
  { server: 'redis', ...(await run(pair.redis, policy, withTtl)) },
  { server: 'engine', ...(await run(pair.engine, policy, withTtl)) },
];
const count = (set: Set<number>, pick: (i: number) => boolean): number => [...set].filter(pick).length;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('maxmemory-policy evicts as Redis does', () => {
  for (const policy of ['allkeys-lru', 'allkeys-lfu']) {
    it(`${policy}: evicts, keeps under the cap, spares the keys read often`, async () => {
      for (const o of await both(policy)) {
        expect(o.errors).toEqual([]);
        expect([o.server, o.evicted > 300]).toEqual([o.server, true]);
        expect(o.usedOverCap).toBeLessThanOrEqual(64 * 1024);
        expect([o.server, count(o.survivors, (i) => i < HOT) >= HOT * 0.9]).toEqual([o.server, true]);
      }
    }, 60_000);
  }

  it('allkeys-random: evicts any keys, keeps under the cap', async () => {
    for (const o of await both('allkeys-random')) {
      expect(o.errors).toEqual([]);
      expect([o.server, o.evicted > 300]).toEqual([o.server, true]);
      expect(o.usedOverCap).toBeLessThanOrEqual(64 * 1024);
      expect(count(o.survivors, (i) => !isVolatile(i))).toBeLessThan(KEYS / 2);
    }
  }, 60_000);

  for (const policy of ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl']) {
    it(`${policy}: evicts only keys with a TTL`, async () => {
      for (const o of await both(policy)) {
        expect(o.errors).toEqual([]);
        expect([o.server, o.evicted > 300]).toEqual([o.server, true]);
        expect(count(o.survivors, (i) => !isVolatile(i))).toBe(KEYS / 2);
        expect(count(o.survivors, isVolatile)).toBeLessThan(KEYS / 2);
        const gone = Array.from({ length: KEYS }, (_, i) => i).filter((i) => isVolatile(i) && !o.survivors.has(i));
        const kept = [...o.survivors].filter(isVolatile);
        if (policy === 'volatile-ttl') expect(mean(gone)).toBeLessThan(mean(kept));
        if (policy !== 'volatile-random' && policy !== 'volatile-ttl') expect(count(o.survivors, (i) => i < HOT && isVolatile(i))).toBeGreaterThanOrEqual((HOT / 2) * 0.9);
      }
    }, 60_000);
  }

  it('volatile-lru with no key that has a TTL, and noeviction: the write is refused with Redis\'s OOM error', async () => {
    for (const policy of ['volatile-lru', 'noeviction']) {
      const [real, ours] = await both(policy, false);
      expect(ours!.errors.length).toBeGreaterThan(0);
      expect(new Set(ours!.errors)).toEqual(new Set(real!.errors));
      expect(ours!.evicted).toBe(real!.evicted);
    }
  }, 60_000);
});
