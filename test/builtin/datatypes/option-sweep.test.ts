import { expect, it } from 'vitest';
import { commands as hashes } from '../../../src/builtin/commands/hashes.js';
import { commands as lists } from '../../../src/builtin/commands/lists.js';
import { commands as sets } from '../../../src/builtin/commands/sets.js';
import { commands as zsets } from '../../../src/builtin/commands/zsets.js';
import { useRedisAndEngine } from '../harness/servers.js';
import { normaliserKinds } from '../harness/normalise.js';
import { encodeReply, type Reply } from '../harness/resp.js';
import { openIn, show } from '../harness/run.js';

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

/** The key a command of this family usually wants (it gets another type now and then). */
function keyFor(name: string): string {
  if (random() < 0.25) return pick(KEYS);
  if (name.startsWith('h')) return 'h';
  if (name.startsWith('s')) return pick(['s', 'i']);
  if (name.startsWith('z')) return 'z';
  return 'l';
}

/** Option words in any order, each kept with probability p; some shuffled in twice. */
function options(groups: string[][], p = 0.4): string[] {
  const chosen = groups.filter(() => random() < p);
  if (random() < 0.1 && groups.length > 0) chosen.push(pick(groups));
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
  }
  return chosen.flat();
}

const SCORE = ['-inf', '+inf', '0', '1', '(1', '2', '(2', '2.5', '10', '(10', 'x'];
const LEX = ['-', '+', '[a', '(a', '[m1', '(m2', '[m', 'm', '[10'];
const SMALL = ['0', '1', '2', '3', '-1', '-2', '5', '100', 'x'];
const limit = (): string[] => ['LIMIT', pick(SMALL), pick(SMALL)];
const rangeBounds = (): string[] => {
  const kind = random();
  return kind < 0.4 ? [pick(SMALL), pick(SMALL)] : kind < 0.75 ? [pick(SCORE), pick(SCORE)] : [pick(LEX), pick(LEX)];
};

/** Well-formed-ish calls of the option-heavy commands, so that the interesting paths run, not just errors. */
const TEMPLATES: Record<string, (tokens: readonly string[]) => string[]> = {
  zrange: () => ['ZRANGE', keyFor('z'), ...rangeBounds(), ...options([['BYSCORE'], ['BYLEX'], ['REV'], ['WITHSCORES'], limit()])],
  zrangestore: () => ['ZRANGESTORE', 'dst', keyFor('z'), ...rangeBounds(), ...options([['BYSCORE'], ['BYLEX'], ['REV'], limit()])],
  zrangebyscore: () => [pick(['ZRANGEBYSCORE', 'ZREVRANGEBYSCORE']), keyFor('z'), pick(SCORE), pick(SCORE), ...options([['WITHSCORES'], limit()])],
  zrangebylex: () => [pick(['ZRANGEBYLEX', 'ZREVRANGEBYLEX', 'ZLEXCOUNT', 'ZREMRANGEBYLEX']), keyFor('z'), pick(LEX), pick(LEX), ...options([limit()])],
  zrevrange: () => [pick(['ZREVRANGE', 'ZREMRANGEBYRANK', 'ZCOUNT', 'ZREMRANGEBYSCORE']), keyFor('z'), ...rangeBounds(), ...options([['WITHSCORES']])],
  zadd: (t) => ['ZADD', keyFor('z'), ...options([['NX'], ['XX'], ['GT'], ['LT'], ['CH'], ['INCR']], 0.3), pick(SCORE), pick(t), ...(random() < 0.3 ? [pick(SCORE), pick(t)] : [])],
  zstore: () => [
    pick(['ZUNIONSTORE', 'ZINTERSTORE', 'ZDIFFSTORE', 'ZUNION', 'ZINTER', 'ZDIFF', 'ZINTERCARD']),
    ...(random() < 0.5 ? ['dst'] : []),
    pick(['1', '2', '2', '3', '0']),
    keyFor('z'),
    pick(['z', 's', 'i', 'nokey', 'l']),
    ...options([['WEIGHTS', pick(SCORE), pick(SCORE)], ['AGGREGATE', pick(['SUM', 'MIN', 'MAX', 'AVG'])], ['WITHSCORES'], ['LIMIT', pick(SMALL)]]),
  ],
  lpos: (t) => ['LPOS', keyFor('l'), pick(t), ...options([['RANK', pick(SMALL)], ['COUNT', pick(SMALL)], ['MAXLEN', pick(SMALL)]])],
  mpop: () => [pick(['LMPOP', 'ZMPOP', 'SINTERCARD']), pick(['1', '2', '0']), keyFor(random() < 0.5 ? 'l' : 'z'), ...(random() < 0.5 ? ['l'] : []), pick(['LEFT', 'RIGHT', 'MIN', 'MAX']), ...options([['COUNT', pick(SMALL)], ['LIMIT', pick(SMALL)]])],
  random: () => [pick(['SRANDMEMBER', 'HRANDFIELD', 'ZRANDMEMBER']), pick(['s', 'i', 'h', 'z', 'nokey']), ...(random() < 0.8 ? [pick(['0', '1', '2', '100', '-3', 'x'])] : []), ...options([['WITHSCORES'], ['WITHVALUES']], 0.3)],
  scan: () => [pick(['SSCAN', 'HSCAN', 'ZSCAN']), pick(['s', 'i', 'h', 'z', 'nokey', 'l']), pick(['0', '0', '1', 'x']), ...options([['MATCH', pick(['*', 'm1*', 'a', '[ab]*', '1?'])], ['COUNT', pick(SMALL)]])],
  listedit: (t) => [pick(['LINSERT', 'LSET', 'LREM', 'LMOVE']), keyFor('l'), pick([...SMALL, 'BEFORE', 'AFTER', 'l', 'LEFT']), pick(t), pick([...t, 'LEFT', 'RIGHT'])],
};

function calls(count: number, setup: string[][], tokens: readonly string[], keep: (args: string[]) => boolean = () => true): string[][] {
  const names = [...lists, ...hashes, ...sets, ...zsets].map((c) => c.name).filter((n) => !SKIP.has(n));
  const templates = Object.values(TEMPLATES);
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0) out.push(...setup);
    let args: string[];
    if (random() < 0.6) {
      args = pick(templates)(tokens);
    } else {
      const name = pick(names);
      args = [name.toUpperCase(), keyFor(name)];
      for (let j = Math.floor(random() * 5); j > 0; j--) args.push(random() < 0.15 ? keyFor(name) : pick(tokens));
    }
    if (keep(args)) out.push(args);
  }
  return out;
}

/** Big collections: every value past its small encoding (hashtable sets and hashes, skiplist, long members). */
const LONG = 'L'.repeat(65);
const range = (n: number, f: (i: number) => string[]) => Array.from({ length: n }, (_, i) => f(i)).flat();
const BIG_SETUP = [
  ['FLUSHALL'],
  ['RPUSH', 'l', ...range(300, (i) => [`m${i % 7}`])],
  ['HSET', 'h', ...range(520, (i) => [`m${i}`, String(i)])],
  ['SADD', 's', ...range(20, (i) => [`m${i}`])],
  ['SADD', 'i', ...range(600, (i) => [String(i)])],
  // Scores rise with the members' byte order: lex ranges over a skiplist are defined only then (see DEVIATIONS.md).
  ['ZADD', 'z', ...range(140, (i) => [String(Math.floor(i / 9)), `m${String(i).padStart(3, '0')}`]), '-1', LONG],
  ['SET', 'str', 'v'],
];
const BIG_TOKENS = [...TOKENS, LONG, 'm1', 'm2', 'm001', 'm050', 'm150', '(5', '[m1', '[m01', '(m100', '500', '-300'];
/** Replies in hash-table order: compared as multisets (pairs kept together for HGETALL). */
const UNORDERED = new Set(['smembers', 'sinter', 'sunion', 'sdiff', 'hkeys', 'hvals', 'hgetall']);

function shape(text: string, args: string[], reply?: Reply): string {
  const name = args[0]!.toLowerCase();
  if (reply !== undefined && UNORDERED.has(name)) return JSON.stringify(encodeReply(normaliserKinds[name === 'hgetall' ? 'sortPairs' : 'sortArray'](reply, args)));
  if (!SHAPE_ONLY.has(name) || text.startsWith('"-')) return text;
  const m = /^"(\*-?\d+|~\d+|\$|:)/.exec(text);
  // A bulk's length varies with the pick; an array's length (the count asked, or [cursor, elements]) does not.
  return m ? `${m[1]}…` : text;
}

async function run(port: number, all: string[][], unordered: boolean, resp: 2 | 3): Promise<string[]> {
  const conn = await openIn(port, resp);
  try {
    const out: string[] = [];
    for (let i = 0; i < all.length; i += 200) {
      const batch = all.slice(i, i + 200);
      for (const args of batch) conn.send(args.map((a) => Buffer.from(a)));
      for (const args of batch) {
        const reply = await conn.read(5000);
        out.push(`${args.join(' ').slice(0, 200)} -> ${shape(show(reply, args), args, unordered ? reply : undefined)}`);
      }
    }
    return out;
  } finally {
    conn.close();
  }
}

const servers = useRedisAndEngine();

// Each sweep runs over RESP2 and over RESP3 connections (HELLO 3 first).
it.each([2, 3] as const)('answers 6,000 random option mixes of the data-type commands as Redis does (RESP%i)', { timeout: 120_000 }, async (resp) => {
  const all = calls(6000, SETUP, TOKENS);
  const expected = await run(servers.redisPort, all, false, resp);
  const actual = await run(servers.enginePort, all, false, resp);
  const differing = actual.flatMap((line, i) => (line === expected[i] ? [] : [`#${i} engine: ${line}\n      redis:  ${expected[i]}`]));
  expect(differing.slice(0, 8)).toEqual([]);
});

it.each([2, 3] as const)('answers 3,000 random option mixes on collections past their small encodings as Redis does (RESP%i)', { timeout: 120_000 }, async (resp) => {
  // Random ZADDs soon give the big sorted set scores out of step with its members' byte order, where lex
  // ranges over a skiplist are undefined (DEVIATIONS.md): no lex ranges here; the corpus has them.
  const all = calls(3000, BIG_SETUP, BIG_TOKENS, (args) => !/LEX/i.test(args[0]!) && !args.some((a) => a.toUpperCase() === 'BYLEX'));
  const expected = await run(servers.redisPort, all, true, resp);
  const actual = await run(servers.enginePort, all, true, resp);
  const differing = actual.flatMap((line, i) => (line === expected[i] ? [] : [`#${i} engine: ${line.slice(0, 400)}\n      redis:  ${expected[i]!.slice(0, 400)}`]));
  expect(differing.slice(0, 8)).toEqual([]);
});
