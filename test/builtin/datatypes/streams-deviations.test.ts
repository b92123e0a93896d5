import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { RespClient } from '../../../src/resp/client.js';
import { show } from './differential.js';

// The streams entries of src/builtin/DEVIATIONS.md, pinned on the engine alone.

let engine: RunningEngine;
let client: RespClient;
const endpoint = (port: number) => ({ host: '127.0.0.1', port, tls: false, source: 'test' });

beforeAll(async () => {
  engine = await startBuiltinEngine();
  client = await RespClient.connect(endpoint(engine.port));
});

afterAll(async () => {
  client?.close();
  await engine?.close();
});

describe('stream deviations, pinned', () => {
  it("XAUTOCLAIM's COUNT is refused past 48 TiB of ids, as Redis's allocator did on the host asked", async () => {
    await client.call(['FLUSHALL']);
    await client.call(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    expect(show(await client.call(['XAUTOCLAIM', 's', 'g', 'c', '0', '0', 'COUNT', '3298534883328']))).toBe('["0-0", [], []]');
    expect(show(await client.call(['XAUTOCLAIM', 's', 'g', 'c', '0', '0', 'COUNT', '3298534883329']))).toBe('-ERR Insufficient memory, failed allocating transient memory, COUNT too high.');
  });

  it('a transaction that feeds one stream of a blocked XREADGROUP and deletes another answers UNBLOCKED', async () => {
    await client.call(['FLUSHALL']);
    await client.call(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    await client.call(['XGROUP', 'CREATE', 't', 'g', '$', 'MKSTREAM']);
    const waiter = await RespClient.connect(endpoint(engine.port));
    try {
      const reply = waiter.call(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 's', 't', '>', '>']);
      await new Promise((r) => setTimeout(r, 50));
      for (const c of [['MULTI'], ['XADD', 's', '1-1', 'a', '1'], ['DEL', 't'], ['EXEC']]) await client.call(c);
      // Redis 7.0.15 answers [["s", [["1-1", ["a", "1"]]]]] here.
      expect(show(await reply)).toBe('-UNBLOCKED the stream key no longer exists');
    } finally {
      waiter.close();
    }
  });

  it('a blocked XREADGROUP hears that its stream expired without any command running', async () => {
    await client.call(['FLUSHALL']);
    await client.call(['XGROUP', 'CREATE', 'x', 'g', '$', 'MKSTREAM']);
    // The waiter connects first, and the key lives 300 ms, so a slow machine still blocks before it expires;
    // the block's own timeout (10 s) is far beyond what the expiry cycle takes.
    const waiter = await RespClient.connect(endpoint(engine.port));
    await client.call(['PEXPIRE', 'x', '300']);
    try {
      const started = Date.now();
      const reply = await waiter.call(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '10000', 'STREAMS', 'x', '>']);
      expect(show(reply)).toBe('-UNBLOCKED the stream key no longer exists');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      waiter.close();
    }
  });
});
