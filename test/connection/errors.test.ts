import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionRequest, type GlobalOptions } from '../../src/connection/options.js';
import { resolveConnection } from '../../src/connection/resolve.js';
import { UserError } from '../../src/errors.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server.js';

/** Each error a learner meets, produced by a real condition, must come back as one UserError naming the fix. */
async function failure(opts: GlobalOptions, env: NodeJS.ProcessEnv = {}): Promise<UserError> {
  try {
    const c = await resolveConnection(connectionRequest(opts, env), { playground: true, env });
    await c.close();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected the connection to fail');
}

let guarded: TestRedis;
let plain: TestRedis;
let httpServer: http.Server;
let httpPort: number;
let silent: net.Server;
let silentPort: number;

beforeAll(async () => {
  [guarded, plain] = await Promise.all([startRedis(['--requirepass', 's3cret']), startRedis()]);
  httpServer = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  httpPort = (httpServer.address() as net.AddressInfo).port;
  // Accepts connections and never says a word, like a firewall-proxied port or a hung service.
  silent = net.createServer(() => {});
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await Promise.all([guarded.stop(), plain.stop()]);
  httpServer.close();
  silent.close();
});

describe('connection errors from real conditions', () => {
  it('a closed port: connection refused, start Redis or leave the address out', async () => {
    const port = await freePort();
    const err = await failure({ port: String(port) });
    expect(err.message).toContain(`Nothing is listening at 127.0.0.1:${port}, given by --host/--port (connection refused)`);
    expect(err.exitCode).toBe(2);
  });

  it('an explicit address that fails is an error, never a silent fallback to another server', async () => {
    const port = await freePort();
    const err = await failure({ url: `redis://127.0.0.1:${port}` }, { PATH: process.env.PATH });
    expect(err.message).toMatch(/connection refused/);
  });

  it('an unknown host', async () => {
    const err = await failure({ url: 'redis://no-such-host.invalid:6379' });
    expect(err.message).toContain('The host name "no-such-host.invalid" (from --url) could not be found');
  });

  it('a password is needed: NOAUTH', async () => {
    const err = await failure({ port: String(guarded.port) });
    expect(err.message).toMatch(/needs a password \(NOAUTH\)\. Give it with --password/);
  });

  it('a wrong password: WRONGPASS', async () => {
    const err = await failure({ port: String(guarded.port), password: 'nope' });
    expect(err.message).toMatch(/refused the password \(WRONGPASS\)/);
  });

  it('the right password from REDISCLI_AUTH connects', async () => {
    const env = { REDISCLI_AUTH: 's3cret' };
    const c = await resolveConnection(connectionRequest({ port: String(guarded.port) }, env), { playground: true, env });
    expect(c.header).toBe(`Redis 7.0.15 at 127.0.0.1:${guarded.port}, db 15`);
    await c.close();
  });

  it('an HTTP server on the port is detected, not waited on', async () => {
    const started = Date.now();
    const err = await failure({ port: String(httpPort) });
    expect(err.message).toContain(`The program listening at 127.0.0.1:${httpPort} is not Redis: it answered "HTTP/1.1 400 Bad Request`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a peer that accepts and stays silent times out with a message', async () => {
    const err = await failure({ port: String(silentPort) });
    expect(err.message).toContain('accepted the connection but did not answer a Redis PING');
  });

  it('TLS asked of a server that does not speak it', async () => {
    const err = await failure({ url: `rediss://127.0.0.1:${plain.port}` });
    expect(err.message).toContain('does not speak TLS');
  });

  it('a bad --url is named with an example', async () => {
    const err = await failure({ url: 'localhost:6379' });
    expect(err.message).toMatch(/is not a Redis URL.*\nExpected redis:\/\/\[user:password@\]host:port\[\/db\], for example/);
  });
});
