import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionRequest, type GlobalOptions } from '../../src/connection/options.js';
import { resolveConnection } from '../../src/connection/resolve.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server.js';

let local: TestRedis;
let closedPort: number;
beforeAll(async () => {
  local = await startRedis();
  closedPort = await freePort();
});
afterAll(() => local.stop());

const resolve = (opts: GlobalOptions, env: NodeJS.ProcessEnv) => resolveConnection(connectionRequest(opts, env), { playground: true, env });
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** A PATH with node but without redis-server. */
const pathWithoutRedis = path.dirname(process.execPath) === '/usr/bin' ? '/nonexistent' : path.dirname(process.execPath);

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
    expect(alive(pid)).toBe(true);
    expect(existsSync(dir)).toBe(true);
    await c.close();
    await expect.poll(() => alive(pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('step 3 uses REDIS_SERVER_BIN when set', async () => {
    const c = await resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, PATH: '/nonexistent', REDIS_SERVER_BIN: '/usr/bin/redis-server' });
    expect(c.kind).toBe('private');
    await c.close();
  });

  it('falls through when PATH has no redis-server, and says how to install Redis', async () => {
    const attempt = resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, PATH: pathWithoutRedis });
    await expect(attempt).rejects.toThrow(/No Redis was found: nothing answers on 127\.0\.0\.1:6379 and there is no redis-server on your PATH/);
    await expect(resolve({}, { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, PATH: pathWithoutRedis })).rejects.toThrow(
      /sudo apt-get install redis-server[\s\S]*brew install redis[\s\S]*WSL[\s\S]*Memurai[\s\S]*Open Tech port \(Redis 3\.2\) is unmaintained/,
    );
  });

  it('--spawn without a redis-server says so', async () => {
    await expect(resolve({ spawn: true }, { PATH: pathWithoutRedis })).rejects.toThrow(/--spawn needs a redis-server program/);
    await expect(resolve({ spawn: true }, { PATH: pathWithoutRedis, REDIS_SERVER_BIN: '/no/such/redis-server' })).rejects.toThrow(/REDIS_SERVER_BIN is "\/no\/such\/redis-server", which is not a file/);
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
