import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { RawConnection } from './harness/connection.js';
import type { Reply } from './harness/resp.js';

// Where the engine core knowingly answers otherwise than Redis 7.0 (src/builtin/DEVIATIONS.md, "Engine
// core"): each case pins the engine's answer, so a change is a decision, not an accident.
let engine: RunningEngine;
let conn: RawConnection;

beforeAll(async () => {
  engine = await startBuiltinEngine({ maxMemoryBytes: 1024 * 1024 });
  conn = await RawConnection.open(engine.port);
});

afterAll(async () => {
  conn?.close();
  await engine?.close();
});

async function send(...args: string[]): Promise<Reply | undefined> {
  conn.send(args.map((a) => Buffer.from(a, 'latin1')));
  return conn.read();
}

const NOT_AVAILABLE = (name: string) => `ERR '${name}' is not available in redis-tutor's built-in engine; run it against a real Redis (see redis-tutor doctor)`;

describe('engine core deviations, pinned', () => {
  it('SCAN: the cursor is a position in creation order, COUNT keys per call, every key exactly once', async () => {
    await send('FLUSHALL');
    for (let i = 0; i < 25; i++) await send('SET', `key:${i}`, 'v');
    const first = (await send('SCAN', '0', 'COUNT', '10')) as { t: '*'; v: Reply[] };
    expect((first.v[1] as { v: Reply[] }).v).toHaveLength(10);
    expect(first.v[0]!.v).not.toBe('0');
    const seen: string[] = [];
    let cursor = '0';
    do {
      const r = (await send('SCAN', cursor, 'COUNT', '10')) as { t: '*'; v: [Reply, { v: Reply[] }] };
      cursor = String(r.v[0].v);
      seen.push(...r.v[1].v.map((x) => String(x.v)));
    } while (cursor !== '0');
    expect(seen.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `key:${i}`).sort());
  });

  it('real Redis commands outside the engine answer that they are not available here', async () => {
    expect(await send('MIGRATE', 'a', 'b')).toEqual({ t: '-', v: NOT_AVAILABLE('MIGRATE') });
    expect(await send('client', 'pause', '10')).toEqual({ t: '-', v: NOT_AVAILABLE('CLIENT PAUSE') });
    expect(await send('CLIENT', 'TRACKING', 'on')).toEqual({ t: '-', v: NOT_AVAILABLE('CLIENT TRACKING') });
    expect(await send('SHUTDOWN')).toEqual({ t: '-', v: NOT_AVAILABLE('SHUTDOWN') });
  });

  it('INFO says it is the built-in engine, with a Redis 7.0.15 version clients accept', async () => {
    const info = String((await send('INFO'))?.v);
    expect(info).toMatch(/^# Server\r\nredis_version:7\.0\.15\r\n/);
    expect(info).toContain('redis_tutor_engine:builtin\r\n');
    expect(info).toContain('maxmemory:1048576\r\n');
    expect(info).toMatch(/# Keyspace\r\ndb0:keys=25,expires=0,avg_ttl=0\r\n/);
  });

  it('expiry times past 2^53 ms (the year 285,000) are kept to double precision', async () => {
    await send('SET', 'far', 'v');
    expect(await send('PEXPIREAT', 'far', '9223372036854775807')).toEqual({ t: ':', v: '1' });
    // Redis answers 9223372036854775807; a JavaScript number holds 9223372036854775808.
    expect(await send('PEXPIRETIME', 'far')).toEqual({ t: ':', v: '9223372036854775808' });
  });

  it('one SETRANGE that alone would outgrow the whole memory cap answers OOM instead of allocating it', async () => {
    expect(await send('SETRANGE', 'huge', String(2 * 1024 * 1024), 'x')).toEqual({ t: '-', v: "OOM command not allowed when used memory > 'maxmemory'." });
    expect(await send('EXISTS', 'huge')).toEqual({ t: ':', v: '0' });
  });

  it('HELLO accepts AUTH only for the default user (there are no ACL users)', async () => {
    const hello = (await send('HELLO', '2', 'AUTH', 'default', 'any-password')) as { t: '*'; v: Reply[] };
    expect(hello.v.slice(0, 4)).toEqual([
      { t: '$', v: 'server' },
      { t: '$', v: 'redis' },
      { t: '$', v: 'version' },
      { t: '$', v: '7.0.15' },
    ]);
    expect(await send('HELLO', '2', 'AUTH', 'alice', 'pw')).toEqual({ t: '-', v: 'WRONGPASS invalid username-password pair or user is disabled.' });
  });
});
