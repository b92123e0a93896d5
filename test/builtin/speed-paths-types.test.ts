import { describe, expect, it } from 'vitest';
import { pipeline } from './harness/pipeline.js';
import { engineWithClient } from './harness/tally-figures.js';
import { useRedisAndEngine } from './harness/servers.js';
import { Rng } from './random/rng.js';

// The per-type writes' fast paths (issue 14, speed): a write that leaves a value as the memory estimate
// counts it (an HSET over a field with a value of the same size) keeps the key's figure in the tally
// instead of estimating the value again. After every one of many random writes, each key's figure must
// equal the estimate made from scratch (what the tally held before these paths).

/** Values of one length that a listpack counts the same or not (integers take less), and ones past the limit. */
const VALUES = ['xxx', 'yyy', '123', '-12', '999', 'x', '1', '', 'abcd', '1234', '12345678', 'v'.repeat(65), '7'.repeat(20)];
const FIELDS = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', '123', 'g'.repeat(65)];

function hashWrite(rng: Rng): string[] {
  const key = rng.pick(['h1', 'h2', 'h3']);
  const roll = rng.next();
  // A hashtable stays one: keys are deleted now and then, so that listpacks come back.
  if (roll < 0.03) return ['DEL', key];
  if (roll < 0.05) return ['CONFIG', 'SET', 'hash-max-listpack-value', String(rng.int(2, 71))];
  if (roll < 0.07) return ['CONFIG', 'SET', 'hash-max-listpack-entries', String(rng.int(1, 8))];
  if (roll < 0.12) return ['HDEL', key, rng.pick(FIELDS)];
  if (roll < 0.15) return ['HINCRBY', key, rng.pick(FIELDS), '1'];
  if (roll < 0.2) return ['HSETNX', key, rng.pick(FIELDS), rng.pick(VALUES)];
  // Mostly the short fields and values, so that most writes overwrite a field with a value of its size.
  const short = (list: string[]): string => (rng.chance(0.9) ? rng.pick(list.slice(0, 4)) : rng.pick(list));
  return [rng.chance(0.5) ? 'HSET' : 'HMSET', key, ...Array.from({ length: rng.int(1, 3) }, () => [short(FIELDS), short(VALUES)]).flat()];
}

describe('speed paths: the memory figure of a write the estimate counts the same', () => {
  it('HSET and HMSET over held fields keep every key at its from-scratch estimate', () => {
    const { run, expectHeld } = engineWithClient();
    const rng = new Rng(14);
    let overwrites = 0;
    for (let i = 0; i < 5000; i++) {
      const args = hashWrite(rng);
      const reply = run(args);
      if (reply === ':0\r\n' || (args[0] === 'HMSET' && reply === '+OK\r\n')) overwrites++;
      expectHeld(args.join(' '));
    }
    expect(overwrites).toBeGreaterThan(1000);
  });
});

// HSET's fields and values, SADD's members, LPUSH/RPUSH's elements and ZADD's members: the request
// parser hands out a repeated argument's Buffer again, and latin1.ts knows what it converted last: in one
// pipeline, commands of every type with equal and different arguments at the same places (one byte
// apart, of one length), and past the places the parser remembers, must store each argument as sent.
const servers = useRedisAndEngine();

const WORDS = ['a', 'b', 'aa', 'ab', 'ba', 'element:000000000000', 'element:000000000001', 'flement:000000000000', '1', '2', 'xxx'];

function writesAtPlaces(): string[][] {
  const out: string[][] = [['FLUSHALL']];
  const rng = new Rng(7);
  for (let i = 0; i < 300; i++) {
    // The same argument as the command before at a place half the time.
    const a = rng.chance(0.5) ? (out[out.length - 1]![2] ?? rng.pick(WORDS)) : rng.pick(WORDS);
    const b = rng.pick(WORDS);
    const pick = rng.int(0, 5);
    if (pick === 0) out.push(['HSET', 'h', a, b]);
    else if (pick === 1) out.push(['HMSET', 'h', a, b, b, a]);
    else if (pick === 2) out.push(['SADD', 's', a, b]);
    else if (pick === 3) out.push(['LPUSH', 'l', a, b]);
    else if (pick === 4) out.push(['RPUSH', 'l', a]);
    else out.push(['ZADD', 'z', String(i % 4), a, '1', b]);
  }
  out.push(['SADD', 's', ...WORDS, 'c'], ['RPUSH', 'l', ...WORDS], ['HSET', 'h', ...WORDS, 'c'], ['ZADD', 'z', ...WORDS.flatMap((w, i) => [String(i), w])]);
  out.push(['HGETALL', 'h'], ['SMISMEMBER', 's', ...WORDS, 'c', 'd'], ['SCARD', 's'], ['LRANGE', 'l', '0', '-1'], ['ZRANGE', 'z', '0', '-1', 'WITHSCORES']);
  return out;
}

describe('speed paths: members, fields, values and elements kept as sent', () => {
  it('HSET, HMSET, SADD, LPUSH, RPUSH and ZADD pipelined with arguments repeated at their places', async () => {
    const cmds = writesAtPlaces();
    const [expected, actual] = await Promise.all([pipeline(servers.redisPort, cmds), pipeline(servers.enginePort, cmds)]);
    expect(actual).toEqual(expected);
  });
});
