import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { enterLine, escapeRegExp, openTerminal, type Terminal } from '../helpers/tty.js';

/** What a person sees at the REPL's edges: history that keeps no secret, Tab on a big database, hints, SHUTDOWN. */

let redis: TestRedis;
let term: Terminal | undefined;
let config: string;
beforeAll(async () => {
  redis = await startRedis();
  config = mkdtempSync(path.join(os.tmpdir(), 'repl-edges-'));
});
afterEach(() => term?.kill());
afterAll(async () => {
  await redis?.stop();
  rmSync(config, { recursive: true, force: true });
});

const run = enterLine;

/** The prompt waiting, empty, at the bottom of the screen. */
const waiting = (prompt: string) => new RegExp(`\\n${escapeRegExp(prompt.trimEnd())}$`);

test('secret lines are neither written to the history (kept 0600) nor recalled with Up', async () => {
  const home = path.join(config, 'secrets');
  const file = path.join(home, 'redis-tutor', 'repl-history');
  mkdirSync(path.dirname(file), { recursive: true });
  // A history an older tutor wrote: world-readable, with a password in it.
  writeFileSync(file, 'get old\nCONFIG SET masterauth oldsecret\n', { mode: 0o644 });
  chmodSync(file, 0o644);
  const t = (term = openTerminal(['repl', '--url', `${redis.url}/5`, '--yes'], { env: { XDG_CONFIG_HOME: home } }));
  const prompt = `127.0.0.1:${redis.port}[5]> `;
  await t.waitFor(waiting(prompt));
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const secrets = [
    'ACL SETUSER bob on >hunter2',
    'CONFIG SET requirepass hunter2',
    'CONFIG SET requirepass ""',
    'config set masteruser bob masterauth hunter2',
    'MIGRATE 127.0.0.1 1 nokey 0 100 AUTH hunter2',
    'MIGRATE 127.0.0.1 1 "" 0 100 AUTH2 bob hunter2 KEYS nokey',
    'HELLO 2 AUTH bob wrong-hunter2',
    '"auth" hunter2',
    '2 AUTH bob hunter2',
    'auth "hunter2',
  ];
  await run(t, 'set greeting hi', 'OK');
  for (const line of secrets) {
    t.type(line);
    t.press('Enter');
    await t.waitFor(new RegExp(`${escapeRegExp(line)}\\n[^]*${escapeRegExp(prompt.trimEnd())}$`));
  }
  // Up skips them all: the last line kept is the SET.
  t.press('Up');
  await t.onScreen(new RegExp(`${escapeRegExp(prompt)}set greeting hi$`));
  t.press('Up');
  await t.onScreen(new RegExp(`${escapeRegExp(prompt)}get old$`));
  t.press('C-c');
  await run(t, 'quit', 'quit');
  expect(await t.waitForExit()).toBe(0);
  const history = readFileSync(file, 'utf8');
  expect(history).toBe('get old\nset greeting hi\nquit\n');
  expect(statSync(file).mode & 0o777).toBe(0o600);
});

test('Tab finds a key on a 20k-key database, and the hint drops an option already typed', async () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `SET user:${i} x\r\n`).join('') + 'SET zeta:target 1\r\n';
  const fill = spawnSync('redis-cli', ['-p', String(redis.port), '-n', '6', '--pipe'], { input: keys, encoding: 'utf8' });
  expect(fill.stdout).toContain('errors: 0, replies: 20001');
  // In colour: without it the grey hint could not be told from typed text, and is not shown.
  const env = { XDG_CONFIG_HOME: path.join(config, 'tab'), NO_COLOR: '', FORCE_COLOR: '1' };
  const t = (term = openTerminal(['repl', '--url', `${redis.url}/6`], { env, width: 120 }));
  const prompt = `127.0.0.1:${redis.port}[6]> `;
  await t.waitFor(waiting(prompt));
  t.type('get zet');
  t.press('Tab');
  await t.onScreen(new RegExp(`${escapeRegExp(prompt)}get zeta:target$`));
  t.press('Enter');
  await t.waitFor(`${prompt}get zeta:target\n"1"\n`);

  // redis-cli 7.0 hints "SET k v EX [NX|XX] [GET] [EX seconds|...]" here; the tutor asks for the seconds, then what is left.
  t.type('set k v EX ');
  await t.onScreen(new RegExp(`${escapeRegExp(prompt)}set k v EX seconds \\[NX \\| XX\\] \\[GET\\]$`));
  t.type('10 ');
  await t.onScreen(new RegExp(`${escapeRegExp(prompt)}set k v EX 10 \\[NX \\| XX\\] \\[GET\\]$`));
  t.type('NX ');
  await t.onScreen(new RegExp(`${escapeRegExp(prompt)}set k v EX 10 NX \\[GET\\]$`));
  t.press('Enter');
  await t.waitFor(`${prompt}set k v EX 10 NX\nOK\n`);
  t.press('C-d');
  expect(await t.waitForExit()).toBe(0);
});

test('SHUTDOWN of the private server is told once, in words that say it is gone; a drop between commands is told once too', async () => {
  const t = (term = openTerminal(['repl', '--spawn'], { env: { XDG_CONFIG_HOME: path.join(config, 'spawn') }, width: 100 }));
  const header = await t.waitFor(/private Redis [\d.]+ at (127\.0\.0\.1:\d+)[^]*\d>$/);
  const where = /at (127\.0\.0\.1:\d+)/.exec(header)?.[1] as string;
  await run(t, 'set a 1', 'OK');
  const screen = await run(t, 'shutdown', /not connected>\s*$/);
  expect(screen.match(/shut down/g)).toHaveLength(1);
  expect(screen).not.toContain('was lost');
  expect(screen).toContain(`The Redis the tutor started at ${where} has shut down`);
  t.press('C-d');
  expect(await t.waitForExit()).toBe(0);
  t.kill();

  // A server that drops the connection while the REPL waits at its prompt: announced once.
  const u = (term = openTerminal(['repl', '--url', `${redis.url}/7`], { env: { XDG_CONFIG_HOME: path.join(config, 'spawn') } }));
  const prompt = `127.0.0.1:${redis.port}[7]> `;
  await u.waitFor(waiting(prompt));
  await run(u, 'client setname learner', 'OK');
  spawnSync('redis-cli', ['-p', String(redis.port), 'CLIENT', 'KILL', 'USER', 'default', 'SKIPME', 'yes']);
  const lost = await u.waitFor(/was lost[^]*not connected>\s*$/);
  expect(lost.match(/was lost/g)).toHaveLength(1);
  u.press('C-d');
  expect(await u.waitForExit()).toBe(0);
});

test('pipe mode: SHUTDOWN gets the replies before it, says once that the server is gone, and the lines after find it gone', async () => {
  const r = await runBin(['repl', '--spawn'], { input: 'set a 1\nget a\nshutdown\nget a\n', env: { XDG_CONFIG_HOME: path.join(config, 'pipe') } });
  expect(r.stdout).toBe('OK\n"1"\n');
  expect(r.stderr.match(/has shut down/g)).toHaveLength(1);
  expect(r.stderr).not.toContain('was lost');
  expect(r.stderr).toMatch(/Could not connect to Redis at 127\.0\.0\.1:\d+: ECONNREFUSED/);
  expect(r.code).toBe(0);
});
