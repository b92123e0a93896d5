import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands as hashes } from '../../../src/builtin/commands/hashes.js';
import { commands as lists } from '../../../src/builtin/commands/lists.js';
import { commands as sets } from '../../../src/builtin/commands/sets.js';
import { commands as zsets } from '../../../src/builtin/commands/zsets.js';
import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';
import { RawConnection } from '../harness/connection.js';
import { show } from '../harness/run.js';

// Every data-type command with seeded random mixes of its own option words, numbers, score and lex
// bounds and keys of every type, on a real redis-server and on the engine: the order in which Redis
// checks arity, syntax, numbers, types and ranges shows in which error comes back, and this finds the
// combinations no hand-written sequence thinks of. Blocking commands (which would wait) and SPOP
// (random removals make the data diverge) are left out; random reads, and SCAN steps over hashtables
// (whose bucket order Redis seeds at random), are compared by shape: the reply's type, and the array's
// length where it is fixed.

const SKIP = new Set(['blpop', 'brpop', 'blmove', 'brpoplpush', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop', 'spop']);
const SHAPE_ONLY = new Set(['srandmember', 'hrandfield', 'zrandmember', 'sscan', 'hscan', 'zscan']);
const KEYS = ['l', 'h', 's', 'i', 'z', 'str', 'nokey'];
const TOKENS = [
  ...['0', '1', '-1', '2', '3', '100', '-100', '1.5', 'inf', '-inf', '+inf', '(1', '(2', '[a', '(a', '-', '+', '[b', 'x'],
  ...['a', 'b', 'c', '10', '*', 'a*'],
  ...['LIMIT', 'COUNT', 'WITHSCORES', 'REV', 'BYSCORE', 'BYLEX', 'NX', 'XX', 'GT', 'LT', 'CH', 'INCR', 'MATCH'],
  ...['LEFT', 'RIGHT', 'BEFORE', 'AFTER', 'RANK', 'MAXLEN', 'WEIGHTS', 'AGGREGATE', 'SUM', 'MIN', 'MAX', 'WITHVALUES'],
];
const SETUP = [
  ['FLUSHALL'],
  ['RPUSH', 'l', 'a', 'b', 'c', 'a', '10'],
  ['HSET', 'h', 'a', '1', 'b', 'x', 'c', '1.5'],
  ['SADD', 's', 'a', 'b', 'c', '10'],
  ['SADD', 'i', '1', '2', '3', '10'],
  ['ZADD', 'z', '1', 'a', '2', 'b', '2', 'c', '10', '10'],
  ['SET', 'str', 'v'],
];

let seed = Number(process.env.SWEEP_SEED ?? 20261124);
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function calls(count: number): string[][] {
  const names = [...lists, ...hashes, ...sets, ...zsets].map((c) => c.name).filter((n) => !SKIP.has(n));
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0) out.push(...SETUP);
    const name = pick(names);
    const args = [name.toUpperCase(), pick(KEYS)];
    const n = Math.floor(random() * 7);
    for (let j = 0; j < n; j++) args.push(random() < 0.15 ? pick(KEYS) : pick(TOKENS));
    out.push(args);
  }
  return out;
}

function shape(text: string, args: string[]): string {
  if (!SHAPE_ONLY.has(args[0]!.toLowerCase()) || text.startsWith('"-')) return text;
  const m = /^"(\*-?\d+|\$|:)/.exec(text);
  // A bulk's length varies with the pick; an array's length (the count asked, or [cursor, elements]) does not.
  return m ? `${m[1]}…` : text;
}

async function run(port: number, all: string[][]): Promise<string[]> {
  const conn = await RawConnection.open(port);
  try {
    const out: string[] = [];
    for (let i = 0; i < all.length; i += 200) {
      const batch = all.slice(i, i + 200);
      for (const args of batch) conn.send(args.map((a) => Buffer.from(a)));
      for (const args of batch) out.push(`${args.join(' ')} -> ${shape(show(await conn.read(5000), args), args)}`);
    }
    return out;
  } finally {
    conn.close();
  }
}

let redis: TestRedis;
let engine: RunningEngine;
beforeAll(async () => {
  [redis, engine] = await Promise.all([startRedis(), startBuiltinEngine()]);
});
afterAll(async () => {
  await Promise.all([redis?.stop(), engine?.close()]);
});

it('answers 6,000 random option mixes of the data-type commands as Redis does', { timeout: 120_000 }, async () => {
  const all = calls(6000);
  const expected = await run(redis.port, all);
  const actual = await run(engine.port, all);
  const differing = actual.flatMap((line, i) => (line === expected[i] ? [] : [`#${i} engine: ${line}\n      redis:  ${expected[i]}`]));
  expect(differing.slice(0, 8)).toEqual([]);
});
