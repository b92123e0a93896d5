import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { RawConnection } from './harness/connection.js';
import type { Reply } from './harness/resp.js';

// CONFIG SET puts what the engine honours into effect: the memory cap (maxmemory, noeviction) and the
// cron's rate (hz), both read back in INFO. Replies and errors are compared with Redis in corpus/config.txt.
let engine: RunningEngine;
let conn: RawConnection;

beforeAll(async () => {
  engine = await startBuiltinEngine();
  conn = await RawConnection.open(engine.port);
});

afterAll(async () => {
  conn.close();
  await engine.close();
});

async function run(...args: string[]): Promise<Reply> {
  conn.send(args.map((a) => Buffer.from(a)));
  return (await conn.read())!;
}

const infoField = async (section: string, field: string): Promise<string | undefined> =>
  String((await run('INFO', section)).v)
    .split('\r\n')
    .find((l) => l.startsWith(`${field}:`))
    ?.slice(field.length + 1);

describe('CONFIG SET on the built-in engine', () => {
  it('starts with the engine cap as maxmemory, and the cap follows CONFIG SET maxmemory', async () => {
    expect(await run('CONFIG', 'GET', 'maxmemory')).toEqual({ t: '*', v: [{ t: '$', v: 'maxmemory' }, { t: '$', v: String(256 * 1024 * 1024) }] });
    expect(await run('SET', 'k', 'v')).toEqual({ t: '+', v: 'OK' });
    expect(await run('CONFIG', 'SET', 'maxmemory', '1')).toEqual({ t: '+', v: 'OK' });
    expect(await infoField('memory', 'maxmemory')).toBe('1');
    expect(await run('SET', 'k2', 'v')).toEqual({ t: '-', v: "OOM command not allowed when used memory > 'maxmemory'." });
    expect(await run('GET', 'k')).toEqual({ t: '$', v: 'v' });
    expect(await run('CONFIG', 'SET', 'maxmemory', '0')).toEqual({ t: '+', v: 'OK' });
    expect(await run('SET', 'k2', 'v')).toEqual({ t: '+', v: 'OK' });
    expect(await run('CONFIG', 'SET', 'maxmemory', '1gb')).toEqual({ t: '+', v: 'OK' });
    expect(await infoField('memory', 'maxmemory')).toBe(String(1024 ** 3));
  });

  it('reports maxmemory-policy and hz as set (hz clamped to 1..500 as Redis does)', async () => {
    await run('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru', 'hz', '1000');
    expect(await infoField('memory', 'maxmemory_policy')).toBe('allkeys-lru');
    expect(await infoField('server', 'hz')).toBe('500');
    await run('CONFIG', 'SET', 'maxmemory-policy', 'noeviction', 'hz', '10');
    expect(await infoField('server', 'hz')).toBe('10');
  });

  it('refuses another port or bind address (the listener stays where the tutor put it)', async () => {
    expect(await run('CONFIG', 'SET', 'port', String(engine.port))).toEqual({ t: '+', v: 'OK' });
    expect(await run('CONFIG', 'SET', 'port', String(engine.port === 1 ? 2 : engine.port - 1))).toEqual({
      t: '-',
      v: "ERR CONFIG SET failed (possibly related to argument 'port') - Unable to listen on this port",
    });
    expect(await run('CONFIG', 'SET', 'bind', '0.0.0.0')).toEqual({
      t: '-',
      v: "ERR CONFIG SET failed (possibly related to argument 'bind') - Failed to bind to specified addresses.",
    });
    expect(await run('CONFIG', 'GET', 'port')).toEqual({ t: '*', v: [{ t: '$', v: 'port' }, { t: '$', v: String(engine.port) }] });
  });
});
