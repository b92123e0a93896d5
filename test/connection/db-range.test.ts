import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { openTerminal } from '../helpers/tty.js';

/**
 * A database past a real redis-server's last one (it has 16) is a learner's mistake, not a bug: one sentence
 * naming how many databases there are and what to use instead, exit 2, in every command that connects.
 */

const ONLY_16 = (db: number) => `This server has only 16 databases (0 to 15), so there is no database ${db}: use --db 15, or leave the database number out.`;

let server: TestRedis;
let config: string;

beforeAll(async () => {
  server = await startRedis();
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-db-range-'));
});
afterAll(async () => {
  await server.stop();
  rmSync(config, { recursive: true, force: true });
});

describe('repl', () => {
  it.each([
    ['--db 99', (url: string) => ['--url', url, '--db', '99'], 99],
    ['--db 16', (url: string) => ['--url', url, '--db', '16'], 16],
    ['a URL ending in /99', (url: string) => ['--url', `${url}/99`], 99],
  ])('%s', async (_name, args, db) => {
    const r = await runBin(['repl', ...args(server.url)], { input: 'PING\n', env: { XDG_CONFIG_HOME: config } });
    expect(r.stderr.trim()).toBe(ONLY_16(db));
    expect(r.code).toBe(2);
  });

  it('in Korean', async () => {
    const r = await runBin(['repl', '--url', `${server.url}/99`], { input: 'PING\n', env: { XDG_CONFIG_HOME: config, REDIS_TUTOR_LANG: 'ko' } });
    expect(r.stderr.trim()).toBe('이 서버에는 데이터베이스가 16개(0번부터 15번까지)뿐이라 99번 데이터베이스가 없으니, --db 15 옵션을 쓰거나 데이터베이스 번호를 빼세요.');
    expect(r.code).toBe(2);
  });
});

describe('doctor', () => {
  it.each([
    ['--db 99', (url: string) => ['--url', url, '--db', '99'], 99],
    ['--db 16', (url: string) => ['--url', url, '--db', '16'], 16],
    ['a URL ending in /99', (url: string) => ['--url', `${url}/99`], 99],
    ['--spawn --db 99', () => ['--spawn', '--db', '99'], 99],
    ['--builtin --db 16', () => ['--builtin', '--db', '16'], 16],
  ])('%s', async (_name, args, db) => {
    const r = await runBin(['doctor', ...args(server.url)], { env: { XDG_CONFIG_HOME: config } });
    expect(r.stdout).toContain(`→ ${ONLY_16(db)}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
  });
});

describe('in a terminal', () => {
  it.each([
    ['lesson', ['lesson', 'intro', '--db', '16']],
    ['lesson with a URL ending in /99', ['lesson', 'intro', '--url-db', '99']],
    ['start', ['start', '--db', '99']],
  ])('%s', async (_name, args) => {
    const urlDb = args.indexOf('--url-db');
    const argv = urlDb === -1 ? [...args, '--url', server.url] : [...args.slice(0, urlDb), '--url', `${server.url}/${args[urlDb + 1]}`];
    const db = Number(args[args.length - 1]);
    const t = openTerminal(argv, { env: { XDG_CONFIG_HOME: path.join(config, argv[0]!) }, width: 200 });
    try {
      expect(await t.waitForExit(15_000)).toBe(2);
      const screen = t.history();
      expect(screen).toContain(ONLY_16(db));
      expect(screen).not.toContain('please report it');
    } finally {
      t.kill();
    }
  });
});
