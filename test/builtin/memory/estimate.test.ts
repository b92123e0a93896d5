import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infoField, pipelined, startPair, type Pair } from './servers.js';

// The memory estimate against a real redis-server's used_memory for the same data. The estimate models
// Redis's allocations (jemalloc's size classes, sds headers, listpacks, dict tables: src/builtin/memory/),
// so for strings and lists, whose allocations it reproduces one for one, the data's growth must match
// Redis's within 5% (what is left is the allocator's and the client buffers' noise). Hashes, sets and
// sorted sets are sized from a sample of their elements as MEMORY USAGE does, and Redis's own figure
// for them moves with how each element was created (argument buffers kept with spare room, tables
// mid-rehash): measured 0.78 to 1.15 of Redis's growth, so they are held to 25%.
const TOLERANCE = 0.05;
const COLLECTIONS_TOLERANCE = 0.25;

let pair: Pair;
beforeAll(async () => {
  pair = await startPair(256 * 1024 * 1024);
});
afterAll(() => pair?.stop());

/** The data's share of used_memory on both servers after `commands` (each measured from its own start). */
async function growth(commands: (string | Buffer)[][]): Promise<{ redis: number; engine: number; errors: string[] }> {
  const [r0, e0] = await Promise.all([infoField(pair.redis, 'memory', 'used_memory'), infoField(pair.engine, 'memory', 'used_memory')]);
  const [, errors] = await Promise.all([pipelined(pair.redis, commands), pipelined(pair.engine, commands)]);
  const [r1, e1] = await Promise.all([infoField(pair.redis, 'memory', 'used_memory'), infoField(pair.engine, 'memory', 'used_memory')]);
  return { redis: r1 - r0, engine: e1 - e0, errors };
}

const near = (engine: number, redis: number, slack = 0, tolerance = TOLERANCE): void => {
  expect(Math.abs(engine - redis)).toBeLessThanOrEqual(Math.abs(redis) * tolerance + slack);
};

describe('used_memory follows what is held, as Redis counts it', () => {
  it('a 100,000-element list of 1 KB values, then MSET, stays far under a 256 MB cap (no OOM)', async () => {
    const value = 'v'.repeat(1024);
    const pushes = Array.from({ length: 100_000 }, () => ['LPUSH', 'mylist', value]);
    const grown = await growth(pushes);
    expect(grown.errors).toEqual([]);
    near(grown.engine, grown.redis);
    const msets = Array.from({ length: 20_000 }, (_, i) => ['MSET', ...Array.from({ length: 10 }, (_, j) => [`key:${(i * 10 + j) % 1000}`, 'xxx']).flat()]);
    expect((await growth(msets)).errors).toEqual([]);
    await Promise.all([pair.redis.flushall(), pair.engine.flushall()]);
  });

  it('many small keys with overwrites: the estimate matches Redis and stays under the cap', async () => {
    // redis-benchmark -t set -r N: keys key:000000xxxxxx, 3-byte values, drawn with repeats.
    const keys = 100_000;
    const sets = Array.from({ length: 2 * keys }, () => ['SET', `key:${String(Math.floor(Math.random() * keys)).padStart(12, '0')}`, 'xxx']);
    const grown = await growth(sets);
    expect(grown.errors).toEqual([]);
    near(grown.engine, grown.redis);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await pair.engine.set('after', 'a wait')).toBe('OK');
  }, 120_000);

  it('an overwrite replaces (bigger, then smaller) and a delete subtracts, as in Redis', async () => {
    const n = 20_000;
    const big = 'b'.repeat(200);
    const step1 = await growth(Array.from({ length: n }, (_, i) => ['SET', `ow:${i}`, big]));
    near(step1.engine, step1.redis);
    const step2 = await growth(Array.from({ length: n }, (_, i) => ['SET', `ow:${i}`, 'small']));
    near(step2.engine, step2.redis);
    expect(step2.engine).toBeLessThan(0);
    const step3 = await growth(Array.from({ length: n / 2 }, (_, i) => ['DEL', `ow:${i}`]));
    near(step3.engine, step3.redis);
    await Promise.all([pair.redis.flushall(), pair.engine.flushall()]);
  }, 60_000);

  it('an overwrite of the same length in another encoding (int and embstr) changes the figure as in Redis', async () => {
    // SET and MSET keep an overwritten entry's figure when length and encoding stay: these change only the encoding.
    const n = 20_000;
    const made = await growth(Array.from({ length: n }, (_, i) => ['SET', `enc:${i}`, '12345']));
    near(made.engine, made.redis);
    const toText = await growth(Array.from({ length: n / 2 }, (_, i) => ['MSET', `enc:${2 * i}`, 'abcde', `enc:${2 * i + 1}`, 'fghij']));
    near(toText.engine, toText.redis);
    expect(toText.engine).toBeGreaterThan(0);
    const toInt = await growth(Array.from({ length: n }, (_, i) => ['SET', `enc:${i}`, '54321']));
    near(toInt.engine, toInt.redis);
    expect(toInt.engine).toBeLessThan(0);
    await Promise.all([pair.redis.flushall(), pair.engine.flushall()]);
  }, 60_000);

  it('hashes, sets and sorted sets, small and large', async () => {
    const commands: string[][] = [];
    for (let k = 0; k < 300; k++) {
      commands.push(['HSET', `h:${k}`, ...Array.from({ length: 20 }, (_, i) => [`f${i}`, `value-${i}`]).flat()]);
      commands.push(['SADD', `s:${k}`, ...Array.from({ length: 20 }, (_, i) => String(i * 7))]);
      commands.push(['ZADD', `z:${k}`, ...Array.from({ length: 20 }, (_, i) => [String(i * 1.5), `m${i}`]).flat()]);
    }
    for (let i = 0; i < 5000; i++) {
      commands.push(['HSET', 'bighash', `field:${i}`, `value:${i}`]);
      commands.push(['SADD', 'bigset', `member:${i}`]);
      commands.push(['ZADD', 'bigzset', String(i), `member:${i}`]);
    }
    const grown = await growth(commands);
    expect(grown.errors).toEqual([]);
    near(grown.engine, grown.redis, 0, COLLECTIONS_TOLERANCE);
    await Promise.all([pair.redis.flushall(), pair.engine.flushall()]);
  });

  it('FLUSHALL gives everything back', async () => {
    await pipelined(pair.engine, Array.from({ length: 10_000 }, (_, i) => ['SET', `f:${i}`, 'x'.repeat(100)]));
    await pair.engine.flushall();
    const [r, e, startup] = await Promise.all([infoField(pair.redis, 'memory', 'used_memory_startup'), infoField(pair.engine, 'memory', 'used_memory'), infoField(pair.engine, 'memory', 'used_memory_startup')]);
    expect(e).toBe(startup);
    // A bare redis-server's startup figure moves by a few bytes with its paths and arguments.
    expect(Math.abs(e - r)).toBeLessThan(1024);
  });
});

describe('MEMORY USAGE as Redis sizes a value', () => {
  it('matches Redis exactly for listpacks, intsets and strings, and within 5% for sampled big values', async () => {
    const setup: string[][] = [
      ['SET', 'str:int', '12345'],
      ['SET', 'str:embstr', 'x'.repeat(44)],
      ['SET', 'str:raw', 'x'.repeat(1000)],
      ['RPUSH', 'list:small', 'a', 'b', 'c', '1', '2', '300000'],
      ['HSET', 'hash:small', ...Array.from({ length: 300 }, (_, i) => [String(i), `v${i}`]).flat()],
      ['SADD', 'set:intset', ...Array.from({ length: 100 }, (_, i) => String(i * 1000))],
      ['ZADD', 'zset:small', '1', 'a', '2.5', 'b', '-3', 'c', '0.1', 'd'],
      ['RPUSH', 'list:big', ...Array.from({ length: 5000 }, (_, i) => `element-${i % 10}`)],
      ['SADD', 'set:big', ...Array.from({ length: 2000 }, (_, i) => `m${i}`)],
    ];
    await Promise.all([pipelined(pair.redis, setup), pipelined(pair.engine, setup)]);
    for (const key of ['str:int', 'str:embstr', 'str:raw', 'list:small', 'hash:small', 'set:intset', 'zset:small']) {
      expect([key, await pair.engine.memory('USAGE', key)]).toEqual([key, await pair.redis.memory('USAGE', key)]);
    }
    for (const key of ['list:big', 'set:big']) {
      const [r, e] = [Number(await pair.redis.memory('USAGE', key, 'SAMPLES', '0')), Number(await pair.engine.memory('USAGE', key, 'SAMPLES', '0'))];
      near(e, r, 0, COLLECTIONS_TOLERANCE);
    }
    await Promise.all([pair.redis.flushall(), pair.engine.flushall()]);
  });
});

describe('MEMORY STATS', () => {
  /** The reply's field names, and for db.N the names inside it. */
  const names = (reply: unknown): string[] => {
    const flat = reply as unknown[];
    return flat.flatMap((v, i) => (i % 2 === 1 ? [] : Array.isArray(flat[i + 1]) ? [String(v), ...names(flat[i + 1])] : [String(v)]));
  };
  it('names the fields Redis names, in its order, empty and with keys in two databases', async () => {
    expect(names(await pair.engine.memory('STATS'))).toEqual(names(await pair.redis.memory('STATS')));
    const setup = [['SET', 'a', '1'], ['SELECT', '3'], ['SET', 'b', '2'], ['EXPIRE', 'b', '100'], ['SELECT', '0']];
    await Promise.all([pipelined(pair.redis, setup), pipelined(pair.engine, setup)]);
    const withKeys = names(await pair.engine.memory('STATS'));
    expect(withKeys).toContain('db.0');
    expect(withKeys).toEqual(names(await pair.redis.memory('STATS')));
    await Promise.all([pair.redis.flushall(), pair.engine.flushall()]);
  });
});
