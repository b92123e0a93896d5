import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { RespClient } from '../../../src/resp/client.js';
import type { RespReply } from '../../../src/resp/types.js';

// The engine's answers where it knowingly differs from Redis (src/builtin/DEVIATIONS.md), pinned so
// that a change to them is a decision, not an accident.

let engine: RunningEngine;
let client: RespClient;
beforeAll(async () => {
  engine = await startBuiltinEngine();
  client = await RespClient.connect({ host: '127.0.0.1', port: engine.port, tls: false, source: 'test' });
});
afterAll(async () => {
  client?.close();
  await engine?.close();
});

const plain = (r: RespReply): unknown => {
  if (r.type === 'array') return r.value === null ? null : r.value.map(plain);
  if (r.type === 'bulk') return r.value === null ? null : r.value.toString('latin1');
  if (r.type === 'integer') return Number(r.value);
  return `${r.type}:${r.value}`;
};
const call = async (...args: string[]) => plain(await client.call(args));

describe('built-in engine deviations, pinned', () => {
  it('a hashtable-encoded set answers in insertion order', async () => {
    await call('DEL', 's');
    await call('SADD', 's', 'zeta', 'alpha', 'mid', '10', '2');
    expect(await call('OBJECT', 'ENCODING', 's')).toBe('hashtable');
    expect(await call('SMEMBERS', 's')).toEqual(['zeta', 'alpha', 'mid', '10', '2']);
  });

  it('SSCAN of a hashtable set walks insertion order, COUNT members per call', async () => {
    const members = Array.from({ length: 25 }, (_, i) => `m${i}`);
    await call('DEL', 's');
    await call('SADD', 's', ...members);
    expect(await call('SSCAN', 's', '0', 'COUNT', '10')).toEqual(['10', members.slice(0, 10)]);
    expect(await call('SSCAN', 's', '10', 'COUNT', '10')).toEqual(['20', members.slice(10, 20)]);
    expect(await call('SSCAN', 's', '20', 'COUNT', '10')).toEqual(['0', members.slice(20)]);
  });

  it('HSCAN of a hashtable hash keeps field and value together, in insertion order', async () => {
    const long = 'v'.repeat(65);
    await call('DEL', 'h');
    await call('HSET', 'h', 'b', long, 'a', '1');
    expect(await call('OBJECT', 'ENCODING', 'h')).toBe('hashtable');
    expect(await call('HSCAN', 'h', '0')).toEqual(['0', ['b', long, 'a', '1']]);
  });

  it('ZRANGEBYLEX over mixed scores walks as a listpack, even on a skiplist', async () => {
    await call('DEL', 'z');
    await call('ZADD', 'z', '1', 'b', '2', 'a', '3', 'c', '4', 'x'.repeat(65));
    expect(await call('OBJECT', 'ENCODING', 'z')).toBe('skiplist');
    expect(await call('ZRANGEBYLEX', 'z', '[a', '[c')).toEqual(['b', 'a', 'c']);
    expect(await call('ZRANGEBYLEX', 'z', '[b', '[c')).toEqual(['b', 'a', 'c']);
  });

  it('a negative count beyond a million is refused by SRANDMEMBER and HRANDFIELD', async () => {
    await call('SADD', 'one', 'm');
    await call('HSET', 'hone', 'f', 'v');
    const refusal = "error:ERR count is too large for redis-tutor's built-in engine (at most 1000000 with a negative count)";
    expect(await call('SRANDMEMBER', 'one', '-1000001')).toBe(refusal);
    expect(await call('HRANDFIELD', 'hone', '-9223372036854775807')).toBe(refusal);
    expect(await call('SRANDMEMBER', 'one', '-3')).toEqual(['m', 'm', 'm']);
  });
});

describe('HyperLogLog deviations, pinned', () => {
  // Redis converts in place without signalModifiedKey; the engine stores the dense value through the
  // keyspace (so the AOF records it), which WATCH hears.
  it('PFDEBUG TODENSE of a sparse HLL aborts a transaction that WATCHes it', async () => {
    await call('DEL', 'hll');
    await call('PFADD', 'hll', 'a', 'b');
    await call('WATCH', 'hll');
    expect(await call('PFDEBUG', 'TODENSE', 'hll')).toBe(1);
    await call('MULTI');
    await call('PING');
    expect(await call('EXEC')).toBeNull();
  });

  it('PFDEBUG TODENSE of a dense HLL changes nothing, and the transaction runs', async () => {
    await call('WATCH', 'hll');
    expect(await call('PFDEBUG', 'TODENSE', 'hll')).toBe(0);
    await call('MULTI');
    await call('PING');
    expect(await call('EXEC')).toEqual(['simple:PONG']);
  });
});
