import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineSession, type EngineSession } from './harness/engine-session.js';
import type { Reply } from './harness/resp.js';

// Where DEBUG and SYNC knowingly answer otherwise than Redis 7.0 (src/builtin/DEVIATIONS.md, "Redis's
// own test suite"): the figures of DEBUG OBJECT and the digests are the engine's own, and SYNC sends no
// RDB. The forms Redis's test suite relies on are pinned here; the rest is compared with a real server
// in test/builtin/corpus/debug-function.txt.
let session: EngineSession;
const send: EngineSession['send'] = (...args) => session.send(...args);

beforeAll(async () => {
  session = await engineSession();
});

afterAll(async () => {
  await session?.close();
});

const text = async (...args: string[]): Promise<string> => String((await send(...args))!.v);

describe('DEBUG and SYNC deviations, pinned', () => {
  it("DEBUG OBJECT: Redis's line, with an address that stays while the value object lives", async () => {
    await send('FLUSHALL');
    await send('SET', 'n', '20000');
    const line = await text('DEBUG', 'OBJECT', 'n');
    expect(line).toMatch(/^Value at:0x[0-9a-f]+ refcount:1 encoding:int serializedlength:3 lru:\d+ lru_seconds_idle:0$/);
    expect(await text('DEBUG', 'OBJECT', 'n')).toBe(line);
    await send('SET', 'small', '7');
    expect(await text('DEBUG', 'OBJECT', 'small')).toMatch(/ refcount:2147483647 encoding:int /);
    await send('SET', 's', 'hello');
    expect(await text('DEBUG', 'OBJECT', 's')).toMatch(/ encoding:embstr serializedlength:6 /);
  });

  it('DEBUG OBJECT of a list: quicklist nodes as list-max-listpack-size cuts them', async () => {
    await send('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e');
    expect(await text('DEBUG', 'OBJECT', 'l')).toMatch(/ encoding:quicklist .* ql_nodes:1 ql_avg_node:5\.00 ql_listpack_max:-2 ql_compressed:0 ql_uncompressed_size:5$/);
    await send('CONFIG', 'SET', 'list-max-ziplist-size', '2');
    await send('CONFIG', 'SET', 'list-compress-depth', '1');
    expect(await text('DEBUG', 'OBJECT', 'l')).toMatch(/ ql_nodes:3 ql_avg_node:1\.67 ql_listpack_max:2 ql_compressed:1 /);
    await send('CONFIG', 'SET', 'list-max-ziplist-size', '-2');
    await send('CONFIG', 'SET', 'list-compress-depth', '0');
  });

  it('DEBUG DIGEST and DIGEST-VALUE: equal data, equal digests; order inside a set or hash does not count', async () => {
    await send('FLUSHALL');
    expect(await text('DEBUG', 'DIGEST')).toBe('0'.repeat(40));
    await send('SADD', 'a', 'x', 'y', 'z');
    await send('SADD', 'b', 'z', 'y', 'x');
    await send('HSET', 'h', 'f', '1', 'g', '2');
    const [da, db] = ((await send('DEBUG', 'DIGEST-VALUE', 'a', 'b')) as { v: Reply[] }).v.map((r) => r.v);
    expect(da).toMatch(/^[0-9a-f]{40}$/);
    expect(db).toBe(da);
    const before = await text('DEBUG', 'DIGEST');
    await send('COPY', 'h', 'h2');
    await send('DEL', 'h2');
    expect(await text('DEBUG', 'DIGEST')).toBe(before);
    await send('DEBUG', 'RELOAD');
    expect(await text('DEBUG', 'DIGEST')).toBe(before);
    await send('HSET', 'h', 'f', '3');
    expect(await text('DEBUG', 'DIGEST')).not.toBe(before);
  });

  it('SYNC answers one bulk payload that is no RDB, then nothing', async () => {
    const socket = net.connect(session.engine.port, '127.0.0.1');
    const got: Buffer[] = [];
    socket.on('data', (d) => got.push(d));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('SYNC\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    const reply = Buffer.concat(got).toString('latin1');
    const m = /^\$(\d+)\r\n/.exec(reply);
    expect(m).not.toBeNull();
    const payload = reply.slice(m![0].length);
    expect(payload).toHaveLength(Number(m![1]));
    expect(payload.startsWith('REDIS')).toBe(false);
  });
});
