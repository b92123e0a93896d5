import { describe, expect, it } from 'vitest';
import { useRedisAndEngine } from './harness/servers.js';
import { pipeline } from './harness/pipeline.js';
import { ReplyWriter } from '../../src/builtin/protocol/reply-writer.js';
import { integer } from '../../src/builtin/reply.js';

// INCR's fast path (issue 14, speed): a counter is held as a number (StoredString.setInteger), read back
// by the next INCR as it is, and answered with an integer reply that holds a number, not a BigInt
// (reply.ts). Everything that reads the counter's bytes must see its decimal digits exactly as when they
// were SET, and the reply's bytes must be those of the BigInt they replace, in RESP2 and RESP3.

const servers = useRedisAndEngine();

const times = (n: number, command: string[]): string[][] => Array.from({ length: n }, () => command);

/**
 * What reads a counter's bytes, one command each; MEMORY USAGE only where Redis's figure is exact (not
 * after APPEND, whose spare room the engine does not count: DEVIATIONS.md).
 */
const readers = (k: string, memory = true): string[][] => [
  ['GET', k],
  ['STRLEN', k],
  ['OBJECT', 'ENCODING', k],
  ...(memory ? [['MEMORY', 'USAGE', k]] : []),
  ['DUMP', k],
  ['GETRANGE', k, '0', '-1'],
  ['GETRANGE', k, '-2', '-1'],
  ['SUBSTR', k, '1', '3'],
  ['GETBIT', k, '6'],
  ['BITCOUNT', k],
  ['MGET', k, 'missing', k],
  ['LCS', k, k],
  ['TYPE', k],
];

/** Counters written by INCR and its kin, from nothing, around 2^53 and the 64-bit edges. */
function counters(): string[][] {
  const out: string[][] = [['FLUSHALL']];
  out.push(...times(3, ['INCR', 'c']), ...readers('c'));
  out.push(...times(3, ['DECR', 'n']), ...readers('n'), ['DECRBY', 'n', '-10'], ...readers('n'));
  for (const [k, by] of [
    ['w0', '5'],
    ['w1', '300'],
    ['w2', '70000'],
    ['w3', '5000000000'],
    ['w4', '-129'],
    ['w5', '-40000'],
    ['w6', '-5000000000'],
    ['w7', '9999'],
    ['w8', '10000'],
    ['w9', '123456789012345'],
    ['w10', '1234567890123456'],
  ]) out.push(['INCRBY', k!, by!], ...readers(k!));
  // A number held at 2^53 - 2 (16 digits: set by INCRBY from 0), then INCR past 2^53, and back.
  out.push(['INCRBY', 'big', '9007199254740990'], ...times(3, ['INCR', 'big']), ...readers('big'), ...times(3, ['DECR', 'big']), ...readers('big'));
  out.push(['INCRBY', 'neg', '-9007199254740990'], ...times(3, ['DECR', 'neg']), ...readers('neg'), ...times(3, ['INCR', 'neg']), ['GET', 'neg']);
  out.push(['INCRBY', 'top', '9223372036854775806'], ['INCR', 'top'], ['INCR', 'top'], ['GET', 'top'], ['DECRBY', 'top', '9223372036854775807'], ['GET', 'top']);
  out.push(['DECRBY', 'low', '9223372036854775807'], ['DECR', 'low'], ['DECR', 'low'], ['GET', 'low'], ['INCRBY', 'low', '-1'], ['DECRBY', 'low', '-9223372036854775808'], ['INCRBY', 'low', '9223372036854775807'], ['GET', 'low']);
  out.push(['INCRBY', 'zero', '0'], ['INCRBY', 'zero', '-0'], ['DECRBY', 'zero', '0'], ...readers('zero'), ['INCR', 'x'], ['DECR', 'x'], ['DECR', 'x'], ['INCRBY', 'x', '2'], ['GET', 'x']);
  return out;
}

/** Values INCRBY must refuse or read as Redis does, and a counter SET over, then INCRed again. */
function odd(): string[][] {
  const out: string[][] = [['FLUSHALL']];
  for (const v of ['-0', '007', ' 1', '1 ', '+1', '0x1', '1e2', '', '-', '00', '9223372036854775808', '-9223372036854775809']) out.push(['SET', 'o', v], ['INCRBY', 'o', '1'], ['DECR', 'o'], ['GET', 'o'], ['OBJECT', 'ENCODING', 'o']);
  out.push(['INCRBY', 'o', '-0'], ['INCRBY', 'o', '007'], ['INCRBY', 'o', ' 1'], ['INCRBY', 'o', '9223372036854775808'], ['GET', 'o']);
  return out;
}

/** Writers over a counter: each must start from its digits, and INCR must read what they left. */
function writers(): string[][] {
  const out: string[][] = [['FLUSHALL']];
  const fresh = (k: string): string[][] => [['INCRBY', k, '41'], ['INCR', k]];
  out.push(...fresh('a'), ['APPEND', 'a', '7'], ...readers('a', false), ['INCR', 'a'], ...readers('a'));
  out.push(...fresh('s'), ['SETRANGE', 's', '1', '9'], ['GET', 's'], ['INCR', 's'], ['SETRANGE', 's', '4', 'x'], ['GET', 's'], ['STRLEN', 's']);
  out.push(...fresh('b'), ['SETBIT', 'b', '7', '1'], ['GET', 'b'], ['INCR', 'b'], ['GET', 'b']);
  out.push(...fresh('g'), ['GETSET', 'g', '5'], ['INCR', 'g'], ['GETDEL', 'g'], ['INCR', 'g'], ['GETEX', 'g', 'PX', '100000'], ['INCR', 'g'], ['TTL', 'g'], ['GET', 'g']);
  out.push(...fresh('f'), ['INCRBYFLOAT', 'f', '0.5'], ['GET', 'f'], ['SET', 'f', '7'], ['INCR', 'f'], ['SET', 'f', 'x'], ['INCR', 'f']);
  out.push(...fresh('p'), ['COPY', 'p', 'p2'], ['INCR', 'p'], ...readers('p2'), ['INCR', 'p2'], ['GET', 'p'], ['RENAME', 'p2', 'p3'], ['INCR', 'p3'], ['GET', 'p3']);
  out.push(...fresh('d'), ['DUMP', 'd'], ['DEL', 'd'], ['INCR', 'd'], ['DUMP', 'd']);
  out.push(['RPUSH', 'l', 'x', 'y', 'z'], ['INCRBY', 'w_x', '3'], ['INCRBY', 'w_y', '-1'], ['INCRBY', 'w_z', '20'], ['SORT', 'l', 'BY', 'w_*'], ['SORT', 'l', 'BY', 'w_*', 'GET', 'w_*', 'GET', '#'], ['SORT', 'l', 'BY', 'w_*', 'ALPHA']);
  out.push(['MULTI'], ['INCR', 'm'], ['INCRBY', 'm', '-5'], ['GET', 'm'], ['EXEC']);
  out.push(['INCRBY', 'r', '12345'], ['INCRBY', 'r2', '-7'], ['DEBUG', 'RELOAD'], ['GET', 'r'], ['OBJECT', 'ENCODING', 'r'], ['INCR', 'r'], ['GET', 'r2'], ['INCR', 'r2']);
  return out;
}

const cases: Array<[string, () => string[][]]> = [
  ['counters from nothing, across 2^53 and at the 64-bit edges, and what reads them', counters],
  ['INCRBY and DECR over values that are not canonical integers', odd],
  ['APPEND, SETRANGE, SETBIT, GETSET, COPY, SORT, MULTI and DEBUG RELOAD over counters', writers],
];

describe('speed paths: INCR holds its counter as a number', () => {
  for (const resp of [2, 3]) {
    for (const [title, commands] of cases) {
      it(`${title} (RESP${resp})`, async () => {
        // HELLO's own reply (the connection id, the version) is not compared.
        const cmds = resp === 3 ? [['HELLO', '3'], ...commands()] : commands();
        const [expected, actual] = await Promise.all([pipeline(servers.redisPort, cmds), pipeline(servers.enginePort, cmds)]);
        expect(actual.slice(resp === 3 ? 1 : 0)).toEqual(expected.slice(resp === 3 ? 1 : 0));
      });
    }
  }

  // The engine's own figures (DEBUG OBJECT's serializedlength, used_memory) are not Redis's, so a counter
  // INCR wrote is held to those of the same digits SET wrote.
  it('a counter INCR wrote has the DEBUG OBJECT line, digest and used_memory of its digits SET', async () => {
    const digits = ['1', '42', '-3', '9999', '10000', '-40000', '5000000000', '9007199254740991'];
    // From nothing, from an int value, and from a raw one (APPEND's) whose digits INCR reads.
    const incrs = digits.flatMap((d, i) => [['INCRBY', `n${i}`, d], ['SET', `k${i}`, '0'], ['INCRBY', `k${i}`, d], ['SET', `r${i}`, '1'], ['APPEND', `r${i}`, '0'], ['INCRBY', `r${i}`, String(BigInt(d) - 10n)]]);
    const sets = digits.flatMap((d, i) => [['SET', `n${i}`, d], ['SET', `k${i}`, d], ['SET', `r${i}`, d]]);
    const reads = digits.flatMap((_, i) => [`n${i}`, `k${i}`, `r${i}`].flatMap((k) => [['DEBUG', 'OBJECT', k], ['DEBUG', 'DIGEST-VALUE', k], ['MEMORY', 'USAGE', k]]));
    const after = async (writes: string[][]): Promise<string[]> => {
      const [, ...replies] = await pipeline(servers.enginePort, [['FLUSHALL'], ...writes, ...reads, ['INFO', 'memory']]);
      const memory = replies.pop()!;
      const used = /used_memory:(\d+)/.exec(memory)![1]!;
      return [...replies.slice(writes.length).map((r) => r.replace(/at:0x[0-9a-f]+ /, '').replace(/ lru:\d+/, '')), used];
    };
    const viaSet = await after(sets);
    expect(await after(incrs)).toEqual(viaSet);
  });
});

describe('the integer reply of a number writes the bytes of its BigInt', () => {
  const written = (value: number | bigint, resp: 2 | 3): string => {
    const w = new ReplyWriter();
    w.resp = resp;
    w.write(integer(value));
    return w.take()!.toString('latin1');
  };
  const values = [0, 1, 9, 10, 99, 100, 12345, 2 ** 31, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, 2 ** 53, 2 ** 60, 1e21, 2 ** 70, -1, -10, -(2 ** 31), Number.MIN_SAFE_INTEGER, -(2 ** 53), -(2 ** 63), -0];
  for (const resp of [2, 3] as const) {
    it(`RESP${resp}`, () => {
      for (const v of values) {
        expect(written(v, resp)).toBe(`:${BigInt(v)}\r\n`);
        expect(written(BigInt(v), resp)).toBe(`:${BigInt(v)}\r\n`);
      }
    });
  }
});
