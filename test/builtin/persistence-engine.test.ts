import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { RawConnection } from './harness/connection.js';
import type { Reply } from './harness/resp.js';

// The engine's side of persistence that a real server cannot be compared on: its folder and files,
// the AOF written before the reply, the engine's clock driving save points, connections closed by a
// restart, streams in the files, and what deliberately differs (pinned for DEVIATIONS.md).
const started: RunningEngine[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.close()));
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

async function engineIn(dir?: string): Promise<{ engine: RunningEngine; run: (...args: string[]) => Promise<Reply> }> {
  const engine = await startBuiltinEngine(dir === undefined ? {} : { dir });
  started.push(engine);
  let conn: RawConnection | undefined;
  const run = async (...args: string[]): Promise<Reply> => {
    conn ??= await RawConnection.open(engine.port);
    conn.send(args.map((a) => Buffer.from(a)));
    const reply = await conn.read();
    if (reply === undefined) {
      // The connection was closed by a restart: a client reconnects.
      conn.close();
      conn = await RawConnection.open(engine.port);
      conn.send(args.map((a) => Buffer.from(a)));
      return (await conn.read())!;
    }
    return reply;
  };
  return { engine, run };
}

const folder = (): string => {
  const f = mkdtempSync(path.join(os.tmpdir(), 'redis-tutor-persist-engine-'));
  folders.push(f);
  return f;
};

const OK: Reply = { t: '+', v: 'OK' };

describe('the engine folder and its files', () => {
  it('is a temporary folder removed on close when none is given', async () => {
    const { engine, run } = await engineIn();
    expect(existsSync(engine.dir)).toBe(true);
    expect(await run('CONFIG', 'GET', 'dir')).toEqual({ t: '*', v: [{ t: '$', v: 'dir' }, { t: '$', v: path.resolve(engine.dir) }] });
    await run('SET', 'k', 'v');
    await run('SAVE');
    expect(existsSync(path.join(engine.dir, 'dump.rtdb.jsonl'))).toBe(true);
    await engine.close();
    started.pop();
    expect(existsSync(engine.dir)).toBe(false);
  });

  it('names its files for what they are, and a start in a folder loads its snapshot', async () => {
    const dir = folder();
    const first = await engineIn(dir);
    await first.run('SET', 'k', 'v');
    expect(await first.run('SAVE')).toEqual(OK);
    expect(await first.run('CONFIG', 'SET', 'appendonly', 'yes')).toEqual(OK);
    expect(readFileSync(path.join(dir, 'dump.rtdb.jsonl'), 'utf8').split('\n')[0]).toContain('"redis-tutor":"snapshot"');
    expect(readFileSync(path.join(dir, 'appendonlydir', 'appendonly.rtaof'), 'utf8').split('\n')[0]).toContain('"redis-tutor":"aof"');
    await first.engine.close();
    started.pop();
    expect(existsSync(dir)).toBe(true);
    const second = await engineIn(dir);
    expect(await second.run('GET', 'k')).toEqual({ t: '$', v: 'v' });
  });

  it('has each write in the AOF before its reply arrives', async () => {
    const { engine, run } = await engineIn();
    await run('CONFIG', 'SET', 'appendonly', 'yes');
    const aof = path.join(engine.dir, 'appendonlydir', 'appendonly.rtaof');
    for (let i = 0; i < 20; i++) {
      await run('SET', `key${i}`, 'x'.repeat(i));
      expect(readFileSync(aof, 'utf8')).toContain(`"k":"key${i}"`);
    }
    await run('MULTI');
    await run('LPUSH', 'inmulti', 'a');
    await run('EXEC');
    expect(readFileSync(aof, 'utf8')).toContain('"cmd":["LPUSH","inmulti","a"]');
  });
});

describe('a snapshot that cannot be written', () => {
  it('fails SAVE with a bare ERR and BGSAVE in rdb_last_bgsave_status, as Redis reports them', async () => {
    const dir = folder();
    const { run } = await engineIn(dir);
    mkdirSync(path.join(dir, 'dump.rtdb.jsonl'));
    await run('SET', 'k', 'v');
    expect(await run('SAVE')).toEqual({ t: '-', v: 'ERR' });
    expect(await run('BGSAVE')).toEqual({ t: '+', v: 'Background saving started' });
    expect(String((await run('INFO', 'persistence')).v)).toContain('rdb_last_bgsave_status:err\r\n');
    expect(String((await run('INFO', 'persistence')).v)).toContain('rdb_changes_since_last_save:1\r\n');
  });
});

describe('control', () => {
  it('closes every connection on a restart; the port stays, the clock keeps going', async () => {
    const { engine, run } = await engineIn();
    await run('SET', 'k', 'v', 'EX', '100');
    await run('CONFIG', 'SET', 'appendonly', 'yes');
    const watcher = await RawConnection.open(engine.port);
    watcher.send([Buffer.from('SUBSCRIBE'), Buffer.from('ch')]);
    await watcher.read();
    const blocked = await RawConnection.open(engine.port);
    blocked.send([Buffer.from('BLPOP'), Buffer.from('q'), Buffer.from('0')]);
    engine.advanceClock(40_000);
    await engine.control.restart();
    expect(await watcher.waitClosed()).toBe(true);
    expect(await blocked.waitClosed()).toBe(true);
    const ttl = await run('TTL', 'k');
    expect(Number(ttl.v)).toBeGreaterThan(55);
    expect(Number(ttl.v)).toBeLessThanOrEqual(60);
    expect(await run('PUBSUB', 'NUMSUB', 'ch')).toEqual({ t: '*', v: [{ t: '$', v: 'ch' }, { t: ':', v: '0' }] });
  });

  it('fresh() empties the data and the folder and starts with the save points on', async () => {
    const { engine, run } = await engineIn();
    await run('SET', 'k', 'v');
    await run('SAVE');
    await run('CONFIG', 'SET', 'appendonly', 'yes');
    await run('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
    await engine.control.fresh();
    expect(existsSync(path.join(engine.dir, 'dump.rtdb.jsonl'))).toBe(false);
    expect(existsSync(path.join(engine.dir, 'appendonlydir'))).toBe(false);
    expect(await run('DBSIZE')).toEqual({ t: ':', v: '0' });
    expect(await run('CONFIG', 'GET', 'save')).toEqual({ t: '*', v: [{ t: '$', v: 'save' }, { t: '$', v: '3600 1 300 100 60 10000' }] });
    expect(await run('CONFIG', 'GET', 'appendonly')).toEqual({ t: '*', v: [{ t: '$', v: 'appendonly' }, { t: '$', v: 'no' }] });
    expect(await run('CONFIG', 'GET', 'maxmemory-policy')).toEqual({ t: '*', v: [{ t: '$', v: 'maxmemory-policy' }, { t: '$', v: 'noeviction' }] });
    await run('CONFIG', 'SET', 'save', '');
    await engine.control.restartFromConfig();
    expect(await run('CONFIG', 'GET', 'save')).toEqual({ t: '*', v: [{ t: '$', v: 'save' }, { t: '$', v: '3600 1 300 100 60 10000' }] });
  });

  it('a save point fires when the engine clock passes it (a lesson @wait)', async () => {
    const { engine, run } = await engineIn();
    await run('CONFIG', 'SET', 'save', '60 2');
    await run('SET', 'a', '1');
    await run('SET', 'b', '1');
    const before = Number((await run('LASTSAVE')).v);
    engine.advanceClock(61_000);
    expect(Number((await run('LASTSAVE')).v)).toBeGreaterThanOrEqual(before + 60);
    await run('SET', 'c', '1');
    await engine.control.crash();
    expect(await run('MGET', 'a', 'b', 'c')).toEqual({ t: '*', v: [{ t: '$', v: '1' }, { t: '$', v: '1' }, { t: '$', v: null }] });
  });

  it('keeps streams, with their groups and pending entries, in the snapshot and the AOF', async () => {
    const { engine, run } = await engineIn();
    await run('XADD', 's', '1-1', 'f', 'v');
    await run('XADD', 's', '2-1', 'g', 'w');
    await run('XGROUP', 'CREATE', 's', 'grp', '0');
    await run('XREADGROUP', 'GROUP', 'grp', 'alice', 'COUNT', '1', 'STREAMS', 's', '>');
    const range = await run('XRANGE', 's', '-', '+');
    const pending = await run('XPENDING', 's', 'grp');
    await run('SAVE');
    await engine.control.crash();
    expect(await run('XRANGE', 's', '-', '+')).toEqual(range);
    expect(await run('XPENDING', 's', 'grp')).toEqual(pending);
    await run('CONFIG', 'SET', 'appendonly', 'yes');
    await run('XADD', 's', '3-1', 'h', 'x');
    await run('XREADGROUP', 'GROUP', 'grp', 'bob', 'COUNT', '1', 'STREAMS', 's', '>');
    await run('XACK', 's', 'grp', '1-1');
    const later = await run('XPENDING', 's', 'grp');
    expect(later).not.toEqual(pending);
    await engine.control.crash();
    expect(await run('XLEN', 's')).toEqual({ t: ':', v: '3' });
    expect(await run('XPENDING', 's', 'grp')).toEqual(later);
  });
});

describe('the AOF', () => {
  it('cannot be turned on where it cannot be written: Redis error, appendonly stays no', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'appendonlydir'), 'a file where the AOF folder should be');
    const { run } = await engineIn(dir);
    expect(await run('CONFIG', 'SET', 'appendonly', 'yes')).toEqual({
      t: '-',
      v: "ERR CONFIG SET failed (possibly related to argument 'appendonly') - Unable to turn on AOF. Check server logs.",
    });
    expect(await run('CONFIG', 'GET', 'appendonly')).toEqual({ t: '*', v: [{ t: '$', v: 'appendonly' }, { t: '$', v: 'no' }] });
    expect(await run('SET', 'k', 'v')).toEqual(OK);
  });

  it('records pushes and adds as sent, replayed at the time they ran (a TTL that passed meanwhile still counts)', async () => {
    const { engine, run } = await engineIn();
    await run('CONFIG', 'SET', 'appendonly', 'yes');
    await run('RPUSH', 'l', 'a');
    await run('PEXPIRE', 'l', '5000');
    engine.advanceClock(6000);
    await run('RPUSH', 'l', 'b');
    await run('RPUSH', 't', 'x');
    await run('PEXPIRE', 't', '5000');
    engine.advanceClock(6000);
    // t's time has passed but nothing has read it yet: the RPUSH finds it expired and starts a new list.
    await run('RPUSH', 't', 'y');
    await run('HSET', 'h', 'f', '1');
    await run('HINCRBY', 'h', 'f', '5');
    await run('ZADD', 'z', 'INCR', '2.5', 'm');
    const aof = readFileSync(path.join(engine.dir, 'appendonlydir', 'appendonly.rtaof'), 'utf8');
    expect(aof).toContain('"cmd":["RPUSH","l","b"]');
    await engine.control.crash();
    expect(await run('LRANGE', 'l', '0', '-1')).toEqual({ t: '*', v: [{ t: '$', v: 'b' }] });
    expect(await run('LRANGE', 't', '0', '-1')).toEqual({ t: '*', v: [{ t: '$', v: 'y' }] });
    expect(await run('TTL', 't')).toEqual({ t: ':', v: '-1' });
    expect(await run('HGET', 'h', 'f')).toEqual({ t: '$', v: '6' });
    expect(await run('ZSCORE', 'z', 'm')).toEqual({ t: '$', v: '2.5' });
  });

  it('gives back exactly the data after many mixed writes', async () => {
    const { engine, run } = await engineIn();
    await run('CONFIG', 'SET', 'appendonly', 'yes');
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const key = (): string => `k${rand(6)}`;
    const writes: (() => string[])[] = [
      () => ['RPUSH', key(), String(rand(50))],
      () => ['LPOP', key()],
      () => ['LREM', key(), '0', String(rand(50))],
      () => ['SADD', key(), String(rand(20)), `m${rand(20)}`],
      () => ['SREM', key(), String(rand(20))],
      () => ['HSET', key(), `f${rand(10)}`, String(rand(100))],
      () => ['HINCRBY', key(), `f${rand(10)}`, '3'],
      () => ['ZADD', key(), String(rand(100) / 4), `m${rand(30)}`],
      () => ['ZREM', key(), `m${rand(30)}`],
      () => ['SET', key(), String(rand(1000))],
      () => ['INCR', key()],
      () => ['DEL', key()],
      () => ['EXPIRE', key(), String(1 + rand(3))],
      () => ['SPOP', key()],
      () => ['RENAME', key(), key()],
    ];
    for (let i = 0; i < 600; i++) {
      await run(...writes[rand(writes.length)]!());
      if (i % 100 === 99) engine.advanceClock(1500);
    }
    const dump = async (): Promise<unknown[]> => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) out.push(await run('TYPE', `k${i}`), await run('PTTL', `k${i}`));
      for (let i = 0; i < 6; i++) {
        const type = String((await run('TYPE', `k${i}`)).v);
        if (type === 'list') out.push(await run('LRANGE', `k${i}`, '0', '-1'));
        if (type === 'set') out.push(await run('SORT', `k${i}`, 'ALPHA'));
        if (type === 'hash') out.push(await run('HGETALL', `k${i}`));
        if (type === 'zset') out.push(await run('ZRANGE', `k${i}`, '0', '-1', 'WITHSCORES'));
        if (type === 'string') out.push(await run('GET', `k${i}`));
        out.push(await run('OBJECT', 'ENCODING', `k${i}`));
      }
      return out;
    };
    const before = await dump();
    await engine.control.crash();
    expect(await dump()).toEqual(before);
  });
});

describe('deviations (DEVIATIONS.md)', () => {
  it('counts one change per key for ZADD, where Redis counts the members added and updated', async () => {
    const { run } = await engineIn();
    await run('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    const info = String((await run('INFO', 'persistence')).v);
    expect(info).toContain('rdb_changes_since_last_save:1\r\n');
  });

  it('answers BGSAVE and BGREWRITEAOF having already saved (no fork): nothing is ever in progress', async () => {
    const { engine, run } = await engineIn();
    await run('SET', 'k', 'v');
    expect(await run('BGSAVE')).toEqual({ t: '+', v: 'Background saving started' });
    expect(existsSync(path.join(engine.dir, 'dump.rtdb.jsonl'))).toBe(true);
    expect(await run('BGSAVE')).toEqual({ t: '+', v: 'Background saving started' });
    expect(String((await run('INFO', 'persistence')).v)).toContain('rdb_bgsave_in_progress:0\r\n');
  });
});
