import { Redis } from 'ioredis';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseCommands } from '../../src/connection/course-keys.js';
import { connectionRequest } from '../../src/connection/options.js';
import { PLAYGROUND_MARKER } from '../../src/connection/playground.js';
import { resolveConnection } from '../../src/connection/resolve.js';
import { loadCourse } from '../../src/course/load.js';
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

const connect = (db?: string, port = server.port, commands?: () => Promise<readonly string[][]>) => {
  const opts = db === undefined ? { port: String(port) } : { port: String(port), db };
  return resolveConnection(connectionRequest(opts, {}), { playground: true, env: {}, courseCommands: commands });
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
      await expect(connect(undefined, small.port)).rejects.toThrow('This server has only 4 databases (0 to 3), so there is no database 15: use --db 3.');
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

describe('a playground that lost its marker', () => {
  // The fixture course names greeting, greting (a wrong answer), note, chat, counter and fixture:setup.
  const fixture = courseCommands(loadCourse(fileURLToPath(new URL('../fixtures/course', import.meta.url))));
  let asked = 0;
  const course = async () => {
    asked++;
    return fixture;
  };

  /** Database `db` emptied and filled by a client of its own (not the tutor), without a marker. */
  async function fill(db: number, write: (c: Redis) => Promise<unknown>): Promise<void> {
    const c = admin.duplicate();
    await c.select(db);
    await c.flushdb();
    await write(c);
    c.disconnect();
    asked = 0;
  }

  it('is taken back when every key in it is one the course names: the marker written, the keys untouched', async () => {
    await fill(4, async (c) => {
      await c.set('greeting', 'hello');
      await c.set('greting', 'hello');
      await c.rpush('chat', 'a', 'b');
      await c.set('counter', '2', 'EX', 1000);
    });
    const before = await snapshot(4);
    const c = await connect('4', server.port, course);
    expect(c.db).toBe(4);
    await c.close();
    expect(asked).toBe(1);
    const after = await snapshot(4);
    expect(after[PLAYGROUND_MARKER]).toBeDefined();
    const { [PLAYGROUND_MARKER]: _marker, '#info-keyspace': _a, ...keys } = after;
    const { '#info-keyspace': _b, ...keysBefore } = before;
    expect(keys).toEqual(keysBefore);
    // From now on it is the tutor's playground in the ordinary way: no course needed.
    const again = await connect('4');
    await again.close();
  });

  it('is refused, byte for byte unchanged, when one key in it is not a course key', async () => {
    await fill(5, async (c) => {
      await c.set('greeting', 'hello');
      await c.set('my:own', 'data', 'EX', 1000);
    });
    const before = await snapshot(5);
    const dirtyBefore = await changesSinceSave();
    await expect(connect('5', server.port, course)).rejects.toThrow(/Database 5 on this server already holds 2 keys the tutor did not create .*wrote nothing/s);
    expect(asked).toBe(1);
    expect(await snapshot(5)).toEqual(before);
    expect(await changesSinceSave()).toBe(dirtyBefore);
  });

  it('counts only key positions, as the server finds them: a value the course writes is not a key of it', async () => {
    // `SET greeting hello` names greeting; "hello" is its value.
    await fill(6, (c) => c.set('hello', 'x'));
    const before = await snapshot(6);
    await expect(connect('6', server.port, course)).rejects.toThrow(/holds 1 key the tutor did not create \("hello"\)/);
    expect(await snapshot(6)).toEqual(before);
  });

  it('is refused, unread, when it holds more than 1000 keys, even all of them course keys', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ['SET', `step:${i}`, 'v']);
    let loaded = 0;
    const big = async () => {
      loaded++;
      return many;
    };
    await fill(8, async (c) => {
      const batch = c.pipeline();
      for (const args of many) batch.call(...(args as [string, ...string[]]));
      await batch.exec();
    });
    const dirtyBefore = await changesSinceSave();
    await expect(connect('8', server.port, big)).rejects.toThrow(/holds 1001 keys the tutor did not create/);
    expect(loaded).toBe(0);
    expect(await changesSinceSave()).toBe(dirtyBefore);
    // 1000 such keys are few enough to check: taken back.
    await admin.select(8);
    await admin.del('step:1000');
    await (await connect('8', server.port, big)).close();
    expect(loaded).toBe(1);
    expect(await admin.exists(PLAYGROUND_MARKER)).toBe(1);
    expect(await admin.dbsize()).toBe(1001);
  });

  it('asks for the course only in that case: never for an empty database or a marked one', async () => {
    await fill(9, async () => undefined);
    await (await connect('9', server.port, course)).close();
    await (await connect('9', server.port, course)).close();
    expect(asked).toBe(0);
  });

  it('is refused as before when the course does not load', async () => {
    await fill(10, (c) => c.set('greeting', 'hello'));
    await expect(connect('10', server.port, () => Promise.reject(new Error('broken lesson')))).rejects.toThrow(/holds 1 key the tutor did not create/);
  });
});
