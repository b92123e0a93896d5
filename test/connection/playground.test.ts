import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionRequest } from '../../src/connection/options.js';
import { PLAYGROUND_MARKER } from '../../src/connection/playground.js';
import { resolveConnection } from '../../src/connection/resolve.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

let server: TestRedis;
let admin: Redis;
beforeAll(async () => {
  server = await startRedis();
  admin = new Redis({ port: server.port, lazyConnect: true });
  await admin.connect();
});
afterAll(async () => {
  admin.disconnect();
  await server.stop();
});

const connect = (db?: string, port = server.port) => {
  const opts = db === undefined ? { port: String(port) } : { port: String(port), db };
  return resolveConnection(connectionRequest(opts, {}), { playground: true, env: {} });
};

/** Every key of a database with its DUMP, TTL and type: byte-level evidence that nothing changed. */
async function snapshot(db: number): Promise<Record<string, string>> {
  const c = admin.duplicate();
  await c.select(db);
  const keys = (await c.keys('*')).sort();
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = `${(await c.dumpBuffer(k))?.toString('hex')} expires-at=${await c.call('PEXPIRETIME', k)}`;
  // avg_ttl moves with the clock; the key and expiry counts must not.
  out['#info-keyspace'] = (String(await c.info('keyspace')).match(new RegExp(`^db${db}:.*$`, 'm'))?.[0] ?? '').replace(/,avg_ttl=\d+/, '');
  c.disconnect();
  return out;
}

async function changesSinceSave(): Promise<number> {
  return Number(/rdb_changes_since_last_save:(\d+)/.exec(String(await admin.info('persistence')))?.[1]);
}

describe('the playground database', () => {
  it('claims an empty database 15 with one marker key, and works there', async () => {
    const c = await connect();
    expect(c.db).toBe(15);
    expect(await c.client.keys('*')).toEqual([PLAYGROUND_MARKER]);
    await c.close();
    // Claimed once, it is the tutor's: a second run accepts it, lesson keys and all.
    const c2 = await connect();
    await c2.client.set('lesson:key', 'v');
    await c2.close();
    const c3 = await connect();
    expect((await c3.client.keys('*')).sort()).toEqual(['lesson:key', PLAYGROUND_MARKER]);
    await c3.close();
  });

  it("refuses a database holding a learner's data, names the keys, and writes nothing", async () => {
    const learner = admin.duplicate();
    await learner.select(3);
    await learner.set('user:1:name', '김민수');
    await learner.rpush('chat', 'hi', 'there');
    await learner.hset('session', 'a', '1');
    await learner.set('token', 'x', 'EX', 1000);
    learner.disconnect();
    const before = await snapshot(3);
    const dirtyBefore = await changesSinceSave();

    await expect(connect('3')).rejects.toThrow(/Database 3 on this server already holds 4 keys the tutor did not create \(.*"chat".*\)/s);
    await expect(connect('3')).rejects.toThrow(/wrote nothing\. Choose an empty database with --db <n> \(0-15\), or use --spawn/);

    expect(await snapshot(3)).toEqual(before);
    // rdb_changes_since_last_save counts every write the server executed, anywhere.
    expect(await changesSinceSave()).toBe(dirtyBefore);
  });

  it('never touches another database', async () => {
    await admin.select(0);
    await admin.set('mine', 'keep');
    const before = await snapshot(0);
    const c = await connect('7');
    await c.close();
    expect(await snapshot(0)).toEqual(before);
  });

  it('explains a database number the server does not have', async () => {
    const small = await startRedis(['--databases', '4']);
    try {
      await expect(connect(undefined, small.port)).rejects.toThrow(/fewer than 16 databases, so database 15 does not exist/);
    } finally {
      await small.stop();
    }
  });

  it('explains a server that refuses SELECT (as clusters and some managed services do)', async () => {
    const noSelect = await startRedis(['--rename-command', 'SELECT', '']);
    try {
      await expect(connect(undefined, noSelect.port)).rejects.toThrow(/refused to switch to database 15.*\n.*--spawn/);
    } finally {
      await noSelect.stop();
    }
  });
});
