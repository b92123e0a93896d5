import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { PATH_WITHOUT_REDIS } from '../helpers/process.js';

let server: TestRedis;
let closedPort: number;
beforeAll(async () => {
  server = await startRedis();
  closedPort = await freePort();
});
afterAll(() => server.stop());


describe('redis-tutor doctor', () => {
  it('with no Redis running, shows that a private server would be used and exits 0', async () => {
    const r = await runBin(['doctor'], { env: { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, XDG_CONFIG_HOME: '/tmp/rt-doctor-cfg' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/redis-server on PATH\s*│ ok\s*│ \/usr\/bin\/redis-server \(Redis 7\.0\.15\)/);
    expect(r.stdout).toMatch(/Nothing is listening at 127\.0\.0\.1:\d+ \(connection/);
    expect(r.stdout).toContain('/tmp/rt-doctor-cfg/redis-tutor/progress.json');
    expect(r.stdout).toMatch(/→ Run npx redis-tutor start: lessons will use a private redis-server \(Redis 7\.0\.15, started for you, discarded on exit\)\./);
  });

  it('with no Redis anywhere, recommends the built-in engine (and installing Redis for the rest) and exits 0', async () => {
    const r = await runBin(['doctor'], { env: { REDIS_TUTOR_LOCAL: `127.0.0.1:${closedPort}`, PATH: PATH_WITHOUT_REDIS } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/redis-server on PATH\s*│ info\s*│ not found/);
    expect(r.stdout).toMatch(/built-in engine\s*│ ok\s*│ available/);
    expect(r.stdout).toMatch(/→ Run npx redis-tutor start: lessons will use the tutor's built-in engine \(in memory, discarded on exit\)\. For the lessons that need a real Redis, install Redis 7 \(Debian\/Ubuntu: sudo apt-get install redis-server/);
  });

  it('prefers a local server, and reports its playground read-only', async () => {
    const env = { REDIS_TUTOR_LOCAL: `127.0.0.1:${server.port}` };
    const r = await runBin(['doctor', '--json'], { env });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.canRun).toBe(true);
    expect(report.wouldUse).toBe(`Redis 7.0.15 at 127.0.0.1:${server.port}, db 15`);
    expect(report.rows.find((row: { item: string }) => row.item === 'playground (db 15)')).toEqual({ item: 'playground (db 15)', status: 'ok', detail: 'empty: the tutor will claim it' });
    const admin = new Redis({ port: server.port, db: 15 });
    expect(await admin.dbsize()).toBe(0); // doctor looked, and wrote nothing
    await admin.set('their:key', '1');
    const refused = await runBin(['doctor'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/holds 1 key the tutor did not create/);
    expect(refused.stdout).toMatch(/→ Database 15 at 127\.0\.0\.1:\d+ holds data the tutor did not create\. Run npx redis-tutor start --db <an empty database>, or npx redis-tutor start --spawn\./);
    await admin.flushdb();
    admin.disconnect();
  });

  it("advice keeps the connection options it was given: the commands it names reach the same server", async () => {
    const port = String(server.port);
    const byPort = await runBin(['doctor', '--json', '--port', port]);
    expect(JSON.parse(byPort.stdout).recommendation).toBe(`Run npx redis-tutor start --port ${port}: lessons will use Redis 7.0.15 at 127.0.0.1:${port}, db 15.`);
    const byUrl = await runBin(['doctor', '--json', '--url', server.url, '--db', '14']);
    expect(JSON.parse(byUrl.stdout).recommendation).toBe(`Run npx redis-tutor start --url ${server.url} --db 14: lessons will use Redis 7.0.15 at 127.0.0.1:${port}, db 14.`);

    const admin = new Redis({ port: server.port, db: 13 });
    await admin.set('their:key', '1');
    try {
      // Another database is the way out: the advice names --db once, with the address kept.
      const foreign = await runBin(['doctor', '--json', '--host', '127.0.0.1', '--port', port, '--db', '13']);
      expect(JSON.parse(foreign.stdout).recommendation).toBe(
        `Database 13 at 127.0.0.1:${port} holds data the tutor did not create. Run npx redis-tutor start --host 127.0.0.1 --port ${port} --db <an empty database>, or npx redis-tutor start --spawn.`,
      );
      expect(foreign.code).toBe(2);
    } finally {
      await admin.flushdb();
      admin.disconnect();
    }
  });

  it('with an explicit address that fails, names the cause and exits 2', async () => {
    const r = await runBin(['doctor', '--port', String(closedPort)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`Nothing is listening at 127.0.0.1:${closedPort}, given by --host/--port (connection refused).`);
  });
});

describe('errors for people', () => {
  it('a bad option value: one message, exit 2, no stack trace', async () => {
    const r = await runBin(['doctor', '--url', 'localhost:6379']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--url "localhost:6379" is not a Redis URL/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a command that cannot reach the Redis it was given: one message, exit 2, no stack trace', async () => {
    const r = await runBin(['repl', '--port', String(closedPort)], { input: 'PING\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `Nothing is listening at 127.0.0.1:${closedPort}, given by --host/--port (connection refused).\n` +
        'Start Redis there, check the host and port, or leave the address out and the tutor will find or start a Redis for you.\n',
    );
    expect(r.stdout).toBe('');
  });

  it('--debug adds the stack trace', async () => {
    const r = await runBin(['doctor', '--url', 'localhost:6379', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at .*options\.js/);
  });

  it('an unknown command suggests the right one, exit 2', async () => {
    const r = await runBin(['docter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'docter'\n\(Did you mean doctor\?\)/);
  });
});
