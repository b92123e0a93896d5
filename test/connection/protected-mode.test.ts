import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/**
 * A redis-server in protected mode (no password) answers a connection from outside its loopback interface
 * with DENIED and closes it: the learner sees why, in Redis's words, not "Connection is closed.".
 */

/** What redis-server 7.0.15 writes, asked for with redis-cli from a non-loopback address. */
const DENIED =
  "DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. 3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. 4) Setup a an authentication password for the default user. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.";

const explained = (where: string) =>
  `The Redis at ${where} refused this connection because it runs in protected mode (no password set, and this connection does not come from its own machine): connect through 127.0.0.1 on the machine Redis runs on, set a password there and give it with --password, or use --spawn for the tutor's own private server.\nRedis says: ${DENIED}`;

/** This machine's first IPv4 address that is not loopback: a connection to it does not come from 127.0.0.1. */
const outside = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

/** A stand-in that does what protected mode does: the DENIED line at once, then the connection closed. */
function fakeProtected(): Promise<{ port: number; close(): void }> {
  const server = net.createServer((socket) => socket.end(`-${DENIED}\r\n`));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as net.AddressInfo).port, close: () => server.close() })));
}

describe.runIf(outside !== undefined)('a real redis-server in protected mode, reached from another interface', () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await startRedis(['--bind', outside!, '--protected-mode', 'yes']);
  });
  afterAll(() => server?.stop());

  it('repl says why, exit 2', async () => {
    const r = await runBin(['repl', '--host', outside!, '--port', String(server.port)], { input: 'PING\n' });
    expect(r.stderr).toBe(`${explained(`${outside}:${server.port}`)}\n`);
    expect(r.code).toBe(2);
  });

  it('doctor says why', async () => {
    const r = await runBin(['doctor', '--json', '--host', outside!, '--port', String(server.port)]);
    expect(JSON.parse(r.stdout).recommendation).toBe(explained(`${outside}:${server.port}`));
    expect(r.code).toBe(2);
  });
});

describe('a server that answers DENIED and closes', () => {
  it('lesson and repl keep its reason', async () => {
    const fake = await fakeProtected();
    try {
      for (const args of [['repl'], ['lesson', 'intro', '--autoplay']]) {
        const r = await runBin([...args, '--port', String(fake.port)], { input: 'PING\n' });
        expect(r.stderr).not.toContain('Connection is closed');
        expect(r.stderr).toContain(explained(`127.0.0.1:${fake.port}`));
        expect(r.code).toBe(2);
      }
    } finally {
      fake.close();
    }
  });

  it("another error before any command (maxclients) keeps Redis's reason", async () => {
    const server = net.createServer((socket) => socket.end('-ERR max number of clients reached\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = await runBin(['repl', '--port', String(port)], { input: 'PING\n' });
      expect(r.stderr).toMatch(new RegExp(`^[^\\n]*127\\.0\\.0\\.1:${port}[^\\n]*: ERR max number of clients reached\\n$`));
      expect(r.stderr).not.toContain('Connection is closed');
      expect(r.code).toBe(2);
    } finally {
      server.close();
    }
  });

  it("a server's reason is shown escaped: its control bytes never reach the terminal raw", async () => {
    for (const reply of ['-ERR full \x1b[31mred\x07\r\n', '-DENIED \x1b]0;owned\x07 protected\r\n']) {
      const server = net.createServer((socket) => socket.end(reply));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as net.AddressInfo).port;
      try {
        const r = await runBin(['repl', '--port', String(port)], { input: 'PING\n' });
        expect(r.code).toBe(2);
        expect(r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
        expect(r.stderr).toContain(reply.startsWith('-ERR') ? 'ERR full \\x1b[31mred\\a' : 'DENIED \\x1b]0;owned\\a protected');
      } finally {
        server.close();
      }
    }
  });
});
