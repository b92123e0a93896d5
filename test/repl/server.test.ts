import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadDocs } from '../../src/repl/docs/index.js';
import { renderHelp } from '../../src/repl/help.js';
import { Session } from '../../src/repl/session.js';
import { renderShow, SHOW_LIMIT } from '../../src/repl/show.js';
import { RespClient } from '../../src/resp/client.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

let redis: TestRedis;
let client: RespClient;
const endpoint = () => ({ host: '127.0.0.1', port: redis.port, tls: false, source: 'test' });
beforeAll(async () => {
  redis = await startRedis();
  client = await RespClient.connect(endpoint());
});
afterAll(async () => {
  client?.close();
  await redis?.stop();
});
beforeEach(async () => {
  await client.call(['FLUSHALL']);
});
const cmd = (...args: string[]) => client.call(args);

describe('show <key>', () => {
  test('a list, with both indexes, cut at the limit with a count', async () => {
    await cmd('RPUSH', 'l', ...Array.from({ length: 25 }, (_, i) => `item${i}`));
    const out = await renderShow(client, 'l');
    expect(out.split('\n')[0]).toBe('l  type: list   TTL: none (persists)   encoding: listpack'.replace('listpack', out.includes('quicklist') ? 'quicklist' : 'listpack'));
    expect(out).toMatch(/│ 0\s+│ -25\s+│ "item0"\s+│/);
    expect(out).toMatch(/│ 19\s+│ -6\s+│ "item19"\s+│/);
    expect(out).not.toContain('item20');
    expect(out).toContain(`... ${25 - SHOW_LIMIT} more not shown (25 in all)`);
  });
  test('a hash, a set, a sorted set, a stream', async () => {
    await cmd('HSET', 'h', 'name', 'Ada', 'lang', '한국어');
    await cmd('SADD', 's', 'b', 'a');
    await cmd('ZADD', 'z', '2', 'two', '1.5', 'one');
    await cmd('XADD', 'x', '1-1', 'type', 'login');
    expect(await renderShow(client, 'h')).toMatch(/│ field\s+│ value\s+│\n├─+┼─+┤\n│ "name"\s+│ "Ada"\s+│\n│ "lang"\s+│ "한국어" │/);
    expect(await renderShow(client, 's')).toMatch(/│ member \(no order\) │\n├─+(┼─+)*┤\n│ "a"\s+│\n│ "b"\s+│/);
    expect(await renderShow(client, 'z')).toMatch(/│ rank │ member │ score │\n├─+(┼─+)*┤\n│ 0\s+│ "one"\s+│ 1\.5\s+│\n│ 1\s+│ "two"\s+│ 2\s+│/);
    expect(await renderShow(client, 'x')).toMatch(/│ 1-1 │ type="login" │/);
  });
  test('a big hash and set are walked with SCAN until enough is shown', async () => {
    await cmd('HSET', 'bigh', ...Array.from({ length: 500 }, (_, i) => [`f${i}`, `v${i}`]).flat());
    await cmd('SADD', 'bigs', ...Array.from({ length: 500 }, (_, i) => `m${i}`));
    for (const key of ['bigh', 'bigs']) {
      const out = await renderShow(client, key);
      expect(out.match(/│ "[fm]\d+"/g)?.length).toBe(SHOW_LIMIT);
      expect(out).toContain(`... ${500 - SHOW_LIMIT} more not shown (500 in all)`);
    }
  });

  test('a string with its bytes and characters, and its TTL', async () => {
    await cmd('SET', 'k', '안녕', 'EX', '100');
    const out = await renderShow(client, 'k');
    expect(out).toMatch(/^k {2}type: string {3}TTL: (100|99\.?\d*) s {3}encoding: embstr\n/);
    expect(out).toContain('│ "안녕" │ 6 bytes, 2 characters │');
    await client.call(['SET', 'b', Buffer.from([0xff])]);
    expect(await renderShow(client, 'b')).toContain('│ "\\xff" │ 1 byte, not valid UTF-8 │');
    await cmd('SET', 'long', 'x'.repeat(5000));
    expect(await renderShow(client, 'long')).toMatch(/│ "x{58}… │ 5000 bytes \(the start shown\) │/);
  });
  test('a missing key', async () => {
    expect(await renderShow(client, 'nope')).toBe('(no key "nope" in this database)\n');
  });
});

test('help from the server: COMMAND DOCS, with the example from the tutor', async () => {
  const docs = await loadDocs(client);
  expect(docs.fromServer).toBe(true);
  expect(docs.commands().length).toBeGreaterThan(200);
  expect(docs.usage('GETEX')).toBe('GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]');
  expect(await renderHelp(client, 'lmove')).toContain('  LMOVE source destination <LEFT | RIGHT> <LEFT | RIGHT>\n');
  expect(await renderHelp(client, 'object encoding')).toContain('OBJECT ENCODING key');
});

test('the docs shipped with the tutor are what this redis-server says (regenerate with make-fallback-docs.mjs)', async () => {
  const { FALLBACK_DOCS } = await import('../../src/repl/docs/fallback.js');
  const server = await loadDocs(client);
  expect(FALLBACK_DOCS.length).toBeGreaterThan(100);
  for (const doc of FALLBACK_DOCS) expect(server.get(doc.name), doc.name).toEqual(doc);
});

describe('a session', () => {
  const session = (extra: Partial<ConstructorParameters<typeof Session>[0]> = {}) =>
    new Session({ endpoint: endpoint(), db: 2, owned: false, mode: 'human', coach: true, yes: false, ...extra });

  test('prompts as redis-cli does, with the db, (TX) and after SELECT', async () => {
    const s = session();
    await s.connect();
    expect(s.prompt()).toBe(`127.0.0.1:${redis.port}[2]> `);
    await s.execute('MULTI');
    expect(s.prompt()).toBe(`127.0.0.1:${redis.port}[2](TX)> `);
    expect((await s.execute('SET a 1')).out).toBe('QUEUED\n');
    expect((await s.execute('EXEC')).out).toBe('1) OK\n');
    expect((await s.execute('SELECT 0')).out).toBe('OK\n');
    expect(s.prompt()).toBe(`127.0.0.1:${redis.port}> `);
    s.close();
  });

  test('inside MULTI, show and help never queue reads into the transaction', async () => {
    const s = session({ db: 0 });
    await s.connect();
    await s.execute('SET k v');
    await s.execute('MULTI');
    expect(await s.execute('show k')).toEqual({ out: '', err: 'show cannot read inside MULTI: its reads would be queued into your transaction. EXEC or DISCARD first.' });
    expect((await s.execute('help get')).out).toContain('GET key');
    await s.execute('INCR n');
    expect((await s.execute('EXEC')).out).toBe('1) (integer) 1\n');
    s.close();
  });

  test('a dropped connection is reported, and the next command reconnects to the same database', async () => {
    const s = session();
    const lost: string[] = [];
    s.onLost((m) => lost.push(m));
    await s.connect();
    await s.execute('SET here 1');
    const id = (await s.execute('CLIENT ID')).out.match(/\d+/)?.[0];
    await cmd('CLIENT', 'KILL', 'ID', id as string);
    await new Promise((r) => setTimeout(r, 100));
    expect(lost).toEqual([`The connection to 127.0.0.1:${redis.port} was lost. The next command reconnects.`]);
    expect(s.prompt()).toBe('not connected> ');
    expect((await s.execute('GET here')).out).toBe('"1"\n');
    expect(s.prompt()).toBe(`127.0.0.1:${redis.port}[2]> `);
    s.close();
  });

  test('repeat counts, bad lines and what the tutor refuses', async () => {
    const s = session();
    await s.connect();
    expect((await s.execute('3 INCR r')).out).toBe('(integer) 1\n(integer) 2\n(integer) 3\n');
    expect((await s.execute('0 INCR r')).out).toBe('Invalid redis-cli repeat command option value.\n');
    expect((await s.execute('"a"b')).out).toBe('Invalid argument(s)\n');
    expect((await s.execute('HELLO 3')).err).toMatch(/RESP2/);
    expect((await s.execute('FLUSHALL')).err).toMatch(/^Refused: FLUSHALL/);
    const owned = session({ owned: true });
    await owned.connect();
    expect((await owned.execute('FLUSHDB')).out).toBe('OK\n');
    s.close();
    owned.close();
  });

  test('KEYS * asks only on a large database', async () => {
    const s = session({ db: 0 });
    await s.connect();
    await cmd('SET', 'one', '1');
    expect((await s.execute('KEYS *')).out).toBe('1) "one"\n');
    await cmd('MSET', ...Array.from({ length: 1001 }, (_, i) => [`k${i}`, '1']).flat());
    expect((await s.execute('KEYS *')).err).toMatch(/^Refused: KEYS \*/);
    const asked: string[] = [];
    const yes = session({ db: 0, confirm: async (q) => (asked.push(q), true) });
    await yes.connect();
    expect((await yes.execute('KEYS *')).out.split('\n').length).toBe(1003);
    expect(asked[0]).toBe('KEYS walks all 1002 keys and blocks the server meanwhile on a server the tutor did not start. Run it? (y/N) ');
    s.close();
    yes.close();
  });
});
