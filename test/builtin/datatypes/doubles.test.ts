import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDouble } from '../../../src/builtin/util/format-double.js';
import { parseDouble } from '../../../src/builtin/util/strtod.js';
import { parseScoreRange } from '../../../src/builtin/zset/ranges.js';
import { RespClient } from '../../../src/resp/client.js';
import type { RespReply } from '../../../src/resp/types.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';

// Score printing (%.17g) and parsing (strtod with Redis's checks), each compared with what a real
// redis-server answers for the same text: ZADD + ZSCORE prints a double, ZADD accepts or refuses a score,
// ZCOUNT reads a range bound.

let redis: TestRedis;
let client: RespClient;
beforeAll(async () => {
  redis = await startRedis();
  client = await RespClient.connect({ host: '127.0.0.1', port: redis.port, tls: false, source: 'test' });
});
afterAll(async () => {
  client?.close();
  await redis?.stop();
});

const text = (r: RespReply): string => (r.type === 'bulk' && r.value !== null ? r.value.toString('latin1') : `<${r.type}: ${String(r.value)}>`);

/** Seeded doubles from random bit patterns, plus round decimals and integers near 2^53. */
function sampleDoubles(n: number): number[] {
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed);
  const view = new DataView(new ArrayBuffer(8));
  const out = [0.1, 0.2, 0.30000000000000004, 1e20, 1e21, 1.5e-7, 1e16, 1e17, 123456789012345680, 1000000000000000.25, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -0.5, 9007199254740993];
  for (let i = 0; i < n; i++) {
    view.setUint32(0, next());
    view.setUint32(4, next());
    const v = view.getFloat64(0);
    if (Number.isFinite(v)) out.push(v);
    out.push((next() % 2000000) / [4, 10, 1024, 3][i % 4]!);
    out.push(next() * 2 ** 21 + (next() % 7));
  }
  return out;
}

describe('formatDouble prints what ZSCORE prints', () => {
  it('for 3000 sampled doubles', async () => {
    const values = sampleDoubles(1000);
    await client.call(['DEL', 'z']);
    const replies = await Promise.all(values.map((v, i) => client.call(['ZADD', 'z', String(v), `m${i}`]).then(() => client.call(['ZSCORE', 'z', `m${i}`]))));
    const mismatches = values.map((v, i) => [String(v), text(replies[i]!), formatDouble(v)]).filter(([, want, got]) => want !== got);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});

const SCORE_TEXTS = ['1', '-1', '+1', '1.', '.5', '-.5e1', '1e', '1e+', '0x10', '0X1p4', '0x', '0x.8', 'inf', '-inf', '+inf', 'Infinity', '-INFINITY', 'infinit', 'nan', '-nan', 'NaN(1)', '', ' 1', '1 ', '\t1', '1e400', '-1e400', '1e-400', '1e-310', '4.9e-324', '00012', '1_000', '١', '0.0', '-0.0', '1e-5', '12345678901234567890'];

describe('parseDouble accepts and refuses what ZADD does', () => {
  for (const t of SCORE_TEXTS) {
    it(JSON.stringify(t), async () => {
      await client.call(['DEL', 'z']);
      const added = await client.call(['ZADD', 'z', t, 'm']);
      const mine = parseDouble(t);
      if (added.type === 'error') {
        expect(added.value).toBe('ERR value is not a valid float');
        expect(mine).toBeUndefined();
      } else {
        expect(mine).toBeDefined();
        // A small sorted set (listpack) keeps -0 as 0: that is storage, pinned in the corpus, not parsing.
        expect(formatDouble(mine! === 0 ? 0 : mine!)).toBe(text(await client.call(['ZSCORE', 'z', 'm'])));
      }
    });
  }
});

const BOUNDS = ['1', '(1', '(', '', ' 1', '( 1', '1 ', '(inf', '-inf', '+inf', 'x', '((1', 'nan', '0x2', '1e400', '(-1e400', '(2.5', '2.5'];

describe('parseScoreRange reads bounds as ZCOUNT does', () => {
  beforeAll(async () => {
    await client.call(['DEL', 'r']);
    await client.call(['ZADD', 'r', '-inf', 'a', '0', 'b', '1', 'c', '2', 'd', '2.5', 'e', '3', 'f', 'inf', 'g']);
  });
  const count = (min: string, max: string): number | undefined => {
    const scores = [-Infinity, 0, 1, 2, 2.5, 3, Infinity];
    const r = parseScoreRange(Buffer.from(min), Buffer.from(max));
    if (r === undefined) return undefined;
    return scores.filter((s) => (r.minExclusive ? s > r.min : s >= r.min) && (r.maxExclusive ? s < r.max : s <= r.max)).length;
  };
  for (const min of BOUNDS) {
    it(`${JSON.stringify(min)} .. +inf and -inf .. ${JSON.stringify(min)}`, async () => {
      for (const [lo, hi] of [
        [min, '+inf'],
        ['-inf', min],
      ] as const) {
        const reply = await client.call(['ZCOUNT', 'r', lo, hi]);
        if (reply.type === 'error') expect([lo, hi, count(lo, hi)]).toEqual([lo, hi, undefined]);
        else expect([lo, hi, count(lo, hi)]).toEqual([lo, hi, Number(reply.value)]);
      }
    });
  }
});
