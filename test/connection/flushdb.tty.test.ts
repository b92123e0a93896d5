import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { courseCommands } from '../../src/connection/course-keys.js';
import { PLAYGROUND_MARKER } from '../../src/connection/playground.js';
import { loadCourse } from '../../src/course/load.js';
import { runBin } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { openTerminal, type Terminal } from '../helpers/tty.js';

/**
 * The playground stays the tutor's after a FLUSHDB or a DEL of its marker, in a lesson and in the REPL, and
 * a playground that lost its marker while holding only the course's own keys is taken back: `start` shows
 * its menu again instead of refusing the tutor's own database.
 */

let server: TestRedis;
let admin: Redis;
let config: string;
let term: Terminal | undefined;

beforeAll(async () => {
  server = await startRedis();
  admin = new Redis({ port: server.port, db: 15, lazyConnect: true });
  await admin.connect();
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-flushdb-tty-'));
});
beforeEach(async () => {
  await admin.flushall();
});
afterEach(() => term?.kill());
afterAll(async () => {
  admin?.disconnect();
  await server?.stop();
  rmSync(config, { recursive: true, force: true });
});

const env = (name: string) => ({ XDG_CONFIG_HOME: path.join(config, name) });
const start = (name: string) => openTerminal(['start', '--url', server.url], { env: env(name) });
const repl = (input: string, args: string[] = []) => runBin(['repl', '--url', server.url, ...args], { input, env: env('repl') });

/** `start` shows its menu (no refusal) and is left with Ctrl+C. */
async function startShowsMenu(name: string): Promise<void> {
  term = start(name);
  const screen = await term.onScreen(/^❯ /m);
  expect(screen).not.toContain('the tutor did not create');
  term.press('C-c');
  expect(await term.waitForExit()).toBe(130);
  term.kill();
}

const TRY_PROMPT = /\[15\]>\s*$/;

test('FLUSHDB typed in a lesson: quit, and start again shows the menu', async () => {
  term = start('lesson');
  await term.onScreen(/❯ +1\./);
  term.press('Enter');
  // Through the first lesson's opening steps to its first try prompt, whatever they say.
  for (let i = 0; ; i++) {
    const screen = await term.onScreen(/Press Enter to go on[^\n]*$|\[15\]>\s*$/);
    if (TRY_PROMPT.test(screen)) break;
    if (i > 10) throw new Error(`No try prompt. Screen:\n${screen}`);
    term.press('Enter');
    await new Promise((r) => setTimeout(r, 200));
  }
  term.type('FLUSHDB');
  term.press('Enter');
  await term.waitFor(/> FLUSHDB\nOK\n/);
  // A key of the learner's own after it: without the marker, the next start would refuse the database.
  await term.onScreen(TRY_PROMPT);
  term.type('SET my:own 1');
  term.press('Enter');
  await term.waitFor(/> SET my:own 1\nOK\n/);
  await term.onScreen(TRY_PROMPT);
  term.type('quit');
  term.press('Enter');
  await term.waitFor('Progress saved.');
  expect(await term.waitForExit()).toBe(0);
  term.kill();

  expect(await admin.exists(PLAYGROUND_MARKER)).toBe(1);
  expect(await admin.get('my:own')).toBe('1');
  await startShowsMenu('lesson');
}, 60_000);

test('a playground that lost its marker and holds only course keys is taken back; one more key and it is refused', async () => {
  // What a tutor killed right after a FLUSHDB (or an older tutor) leaves: course keys, no marker.
  const named = (await Promise.all(courseCommands(loadCourse()).map((args) => admin.call('COMMAND', 'GETKEYS', ...args).catch(() => [])))).flat() as string[];
  const keys = [...new Set(named)].slice(0, 5);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) await admin.set(key, 'from the course');
  await startShowsMenu('reclaim');
  expect(await admin.exists(PLAYGROUND_MARKER)).toBe(1);
  expect((await admin.keys('*')).sort()).toEqual([...keys, PLAYGROUND_MARKER].sort());
  for (const key of keys) expect(await admin.get(key)).toBe('from the course');

  await admin.del(PLAYGROUND_MARKER);
  await admin.set('not:from:the:course', 'x');
  term = start('reclaim');
  await term.waitFor(`holds ${keys.length + 1} keys the tutor did not create`);
  expect(await term.waitForExit()).toBe(2);
  expect(await admin.exists(PLAYGROUND_MARKER)).toBe(0);
}, 60_000);

test('the REPL on the playground keeps the marker through FLUSHDB, DEL, EXPIRE, RENAME and EXEC; start then shows the menu', async () => {
  const input = [
    'SET my:notes 1',
    'FLUSHDB',
    'SET my:notes 2',
    'DEL redis-tutor:playground',
    'EXPIRE redis-tutor:playground 100',
    'RENAME redis-tutor:playground stolen',
    'MULTI',
    'UNLINK redis-tutor:playground',
    'EXEC',
    'GET my:notes',
    '',
  ].join('\n');
  const r = await repl(input, ['--yes']);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('OK\nOK\nOK\n(integer) 1\n(integer) 1\nOK\nOK\nQUEUED\n1) (integer) 1\n"2"\n');
  expect(r.stderr).not.toContain('marker');
  expect(await admin.exists(PLAYGROUND_MARKER)).toBe(1);
  expect(await admin.pttl(PLAYGROUND_MARKER)).toBe(-1);
  await startShowsMenu('repl-pipe');
}, 60_000);

test('the REPL puts the marker back only in the playground database, and not when the learner named a database', async () => {
  await admin.select(3);
  await admin.set('learner', 'data');
  await admin.select(15);
  const r = await repl('SELECT 3\nDEL redis-tutor:playground\nFLUSHALL\n', ['--yes']);
  expect(r.stdout).toBe('OK\n(integer) 0\nOK\n');
  expect(await admin.exists(PLAYGROUND_MARKER)).toBe(1);
  await admin.select(3);
  expect(await admin.dbsize()).toBe(0);
  await admin.select(15);

  // --db 15 (or the URL's /15) is the learner's own choice: the tutor does not claim it, nor write in it.
  const named = await runBin(['repl', '--url', `${server.url}/15`], { input: 'DEL redis-tutor:playground\nEXISTS redis-tutor:playground\n', env: env('repl') });
  expect(named.stdout).toBe('(integer) 1\n(integer) 0\n');
  expect(await admin.exists(PLAYGROUND_MARKER)).toBe(0);
}, 60_000);

test('interactive REPL: FLUSHDB, confirmed, leaves the marker', async () => {
  const t = (term = openTerminal(['repl', '--url', server.url], { env: env('repl-tty') }));
  const prompt = `127.0.0.1:${server.port}[15]>`;
  await t.waitFor(prompt);
  t.type('set my:notes 1');
  t.press('Enter');
  await t.waitFor(`${prompt} set my:notes 1\nOK`);
  t.type('flushdb');
  t.press('Enter');
  await t.waitFor('FLUSHDB deletes data on a server the tutor did not start. Run it? (y/N)');
  t.type('y');
  t.press('Enter');
  await t.waitFor(/Run it\? \(y\/N\) y\nOK\n/);
  t.type('dbsize');
  t.press('Enter');
  await t.waitFor(`${prompt} dbsize\n(integer) 1\n`);
  t.type('quit');
  t.press('Enter');
  expect(await t.waitForExit()).toBe(0);
  t.kill();
  expect(await admin.keys('*')).toEqual([PLAYGROUND_MARKER]);
}, 60_000);
