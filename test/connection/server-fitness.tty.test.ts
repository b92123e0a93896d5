import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { openTerminal, type Terminal } from '../helpers/tty.js';

/**
 * What a learner sees in a terminal on a Redis that lacks a command the course needs: the menu greys out the
 * lesson that uses it, and `lesson` refuses it (or every lesson, when the tutor's own FLUSHDB is gone) in one
 * sentence, exit 2, where it used to fail inside the lesson with an internal EXECABORT (exit 70).
 */

let noKeys: TestRedis;
let noFlushdb: TestRedis;
let config: string;
let term: Terminal | undefined;

beforeAll(async () => {
  [noKeys, noFlushdb] = await Promise.all([startRedis([], { config: 'rename-command KEYS ""\n' }), startRedis([], { config: 'rename-command FLUSHDB ""\n' })]);
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-fitness-tty-'));
});
afterEach(() => term?.kill());
afterAll(async () => {
  await Promise.all([noKeys?.stop(), noFlushdb?.stop()]);
  rmSync(config, { recursive: true, force: true });
});

const open = (name: string, args: string[]) => (term = openTerminal(args, { env: { XDG_CONFIG_HOME: path.join(config, name) }, width: 120 }));

/** Text compared without its spaces and line breaks: the terminal wraps a long sentence anywhere, mid-word too. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

test('start greys out the lesson that runs KEYS, and lets the others be chosen', async () => {
  const t = open('menu', ['start', '--url', noKeys.url]);
  const screen = await t.onScreen(/❯ +1\./);
  expect(screen).toMatch(/^- +9\. The keyspace: [^\n]* this server has no KEYS$/m);
  expect(screen).toMatch(/^ +2\. Strings: [^\n]*first$/m);
  t.press('C-c');
  expect(await t.waitForExit()).toBe(130);
}, 60_000);

test.each([
  [
    'lesson keyspace is refused before it starts, naming KEYS and the way out',
    () => ['lesson', 'keyspace', '--url', noKeys.url],
    "Lesson keyspace uses KEYS, which this server does not have (renamed or disabled in its configuration): use --spawn for the tutor's own private server, or enable it on this server.",
  ],
  [
    'without FLUSHDB no lesson starts',
    () => ['lesson', 'intro', '--url', noFlushdb.url],
    "This server has no FLUSHDB (renamed or disabled in its configuration), which the tutor needs to keep its playground, so no lesson can run here: use --spawn for the tutor's own private server, or enable it on this server.",
  ],
])('%s: one sentence, exit 2, before any step', async (name, args, sentence) => {
  const t = open(name.split(' ')[1]!, args());
  expect(await t.waitForExit(20_000)).toBe(2);
  const screen = squeezed(t.history());
  expect(screen).toContain(squeezed(sentence));
  expect(screen).not.toContain('[1/');
  expect(screen).not.toContain('EXECABORT');
  expect(screen).not.toContain('pleasereportit');
}, 60_000);
