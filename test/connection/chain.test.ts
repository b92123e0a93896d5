import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionRequest, type GlobalOptions } from '../../src/connection/options.js';
import { resolveConnection } from '../../src/connection/resolve.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { isAlive, PATH_WITHOUT_REDIS } from '../helpers/process.js';

let local: TestRedis;
let closedPort: number;
beforeAll(async () => {
  local = await startRedis();
  closedPort = await freePort();
});
afterAll(() => local.stop());

const resolve = (opts: GlobalOptions, env: NodeJS.ProcessEnv) => resolveConnection(connectionRequest(opts, env), { playground: true, env });

describe('the connection chain', () => {
  it('step 2: uses the local server when it answers, in the playground database', async () => {
    const c = await resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${local.port}`, PATH: process.env.PATH });
    expect(c.kind).toBe('local');
    expect(c.owned).toBe(false);
    expect(c.header).toBe(`Redis 7.0.15 at 127.0.0.1:${local.port}, db 15`);
    await c.close();
  });

  it('step 3: with nothing local, starts a private redis-server and discards it on close', async () => {
    const c = await resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, PATH: process.env.PATH });
    expect(c.kind).toBe('private');
    expect(c.owned).toBe(true);
    expect(c.db).toBe(0);
    expect(c.header).toMatch(/^private Redis 7\.0\.15 at 127\.0\.0\.1:\d+ \(started for you, discarded on exit\)$/);
    expect(await c.client.config('GET', 'save')).toEqual(['save', '']);
    expect(await c.client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    expect(await c.client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
    const dir = ((await c.client.config('GET', 'dir')) as string[])[1] as string;
    const pid = Number(/process_id:(\d+)/.exec(String(await c.client.info('server')))?.[1]);
    expect(isAlive(pid)).toBe(true);
    expect(existsSync(dir)).toBe(true);
    await c.close();
    await expect.poll(() => isAlive(pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('step 3 uses REDIS_SERVER_BIN when set', async () => {
    const c = await resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, PATH: '/nonexistent', REDIS_SERVER_BIN: '/usr/bin/redis-server' });
    expect(c.kind).toBe('private');
    await c.close();
  });

  it('step 3 passes over a redis-server too old for the course (Windows\' archived 3.2 port) for the built-in engine, and says why', async () => {
    const old = new URL('../fixtures/old-redis-server.mjs', import.meta.url).pathname;
    const c = await resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, PATH: PATH_WITHOUT_REDIS, REDIS_SERVER_BIN: old });
    expect(c.kind).toBe('builtin');
    expect(c.warnings).toEqual([expect.stringContaining('The redis-server on your PATH is Redis 3.2.100, older than 6.2')]);
    await c.close();
    // Asked for by name (--spawn), it is used, with the usual warning.
    const spawned = await resolve({ spawn: true }, { PATH: PATH_WITHOUT_REDIS, REDIS_SERVER_BIN: old });
    expect(spawned.kind).toBe('private');
    expect(spawned.warnings).toEqual([expect.stringContaining('3.2.100')]);
    await spawned.close();
  });

  it('step 4: with no server and no redis-server on PATH, falls through to the built-in engine', async () => {
    const c = await resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, PATH: PATH_WITHOUT_REDIS });
    expect(c.kind).toBe('builtin');
    expect(c.owned).toBe(true);
    expect(c.header).toMatch(/^built-in engine \(in memory, 127\.0\.0\.1:\d+; discarded on exit\)$/);
    expect(await c.client.set('안녕', '세계')).toBe('OK');
    expect(await c.client.strlen('안녕')).toBe(6);
    await c.close();
  });

  it('--spawn without a redis-server says so', async () => {
    await expect(resolve({ spawn: true }, { PATH: PATH_WITHOUT_REDIS })).rejects.toThrow(/--spawn needs a redis-server program/);
    await expect(resolve({ spawn: true }, { PATH: PATH_WITHOUT_REDIS, REDIS_SERVER_BIN: '/no/such/redis-server' })).rejects.toThrow(/REDIS_SERVER_BIN is "\/no\/such\/redis-server", which is not a file/);
  });

  it('a local port held by something that is not Redis is skipped for a private server', async () => {
    const other = net.createServer((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const c = await resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${(other.address() as net.AddressInfo).port}`, PATH: process.env.PATH });
      expect(c.kind).toBe('private');
      await c.close();
    } finally {
      other.close();
    }
  });

  it('warns about a server older than 6.2, naming what the course needs', async () => {
    // A stand-in for an old server: answers PING, AUTH-less INFO with an old version, SELECT/DBSIZE/SET.
    const old = net.createServer((socket) => {
      socket.on('data', (d: Buffer) => {
        for (const cmd of d.toString().split('*').slice(1)) {
          const name = cmd.split('\r\n')[2]?.toUpperCase();
          if (name === 'PING') socket.write('+PONG\r\n');
          else if (name === 'INFO') {
            const body = '# Server\r\nredis_version:5.0.7\r\n';
            socket.write(`$${body.length}\r\n${body}\r\n`);
          } else if (name === 'DBSIZE') socket.write(':0\r\n');
          else socket.write('+OK\r\n');
        }
      });
    });
    await new Promise<void>((r) => old.listen(0, '127.0.0.1', r));
    try {
      const c = await resolve({ port: String((old.address() as net.AddressInfo).port) }, {});
      expect(c.warnings.join('\n')).toMatch(/This is Redis 5\.0\.7; the course uses commands added in Redis 6\.2 and 7\.0 \(GETDEL, GETEX, LMOVE/);
      await c.close();
    } finally {
      old.close();
    }
  });
});
