import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { escapeRegExp, openTerminal, type Terminal } from '../helpers/tty.js';

// The REPL's input in a real pseudo-terminal: pastes, keys arriving together, and the grey hint.
let redis: TestRedis;
let term: Terminal | undefined;
let config: string;
beforeAll(async () => {
  redis = await startRedis();
  config = mkdtempSync(path.join(os.tmpdir(), 'repl-input-'));
});
afterEach(() => term?.kill());
afterAll(async () => {
  await redis?.stop();
  // The REPL killed with its session may still be writing its history there: removal retries.
  rmSync(config, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

/** The REPL on database 0, its prompt; `env` on top of the tests' (no colour). */
async function repl(env: Record<string, string> = {}): Promise<{ t: Terminal; prompt: string }> {
  const t = (term = openTerminal(['repl', '--url', `${redis.url}/0`], { env: { XDG_CONFIG_HOME: config, ...env } }));
  const prompt = `127.0.0.1:${redis.port}> `;
  await t.onScreen(new RegExp(`${escapeRegExp(prompt.trimEnd())}$`));
  return { t, prompt };
}

/** The screen ends with `text` and then the empty prompt. */
const endsWith = (text: string, prompt: string) => new RegExp(`${escapeRegExp(text)}\\n${escapeRegExp(prompt.trimEnd())}$`);

test('a pasted 200 KB line is answered, whole; Ctrl+C after a wrapped line marks its end and leaves it on the screen', async () => {
  const { t, prompt } = await repl();
  const value = 'abcdefghij'.repeat(20_480);
  t.paste(`set big ${value}`);
  t.press('Enter');
  // Each key used to cost the whole line: this paste took minutes.
  await t.onScreen(endsWith('j\nOK', prompt), 25_000);
  t.type('strlen big');
  t.press('Enter');
  await t.onScreen(endsWith('(integer) 204800', prompt));

  t.press('C-l');
  const wrapped = `set w ${'0123456789'.repeat(25)}`;
  t.paste(wrapped);
  t.press('C-c');
  const screen = await t.onScreen(endsWith(`${wrapped.slice(-30)}^C`, prompt));
  expect(screen.replace(/\n/g, '')).toContain(`${prompt}${wrapped}^C`);
});

test('keys that arrive together apply in order: Left Left X Y inserts "XY" before the last two characters', async () => {
  const { t, prompt } = await repl();
  t.type('set k abcdefghij');
  await t.onScreen(`${prompt}set k abcdefghij`);
  t.press('Left', 'Left', 'X', 'Y');
  await t.onScreen(`${prompt}set k abcdefghXYij`);
  t.press('Enter');
  await t.onScreen(endsWith('OK', prompt));
  t.type('get k');
  t.press('Enter');
  await t.onScreen(endsWith('"abcdefghXYij"', prompt));
});

test('a pasted block reads as if typed: each line, then its reply, then the next prompt', async () => {
  const { t, prompt } = await repl();
  t.paste('set a 1\nget a\nappend a 23\nget a\n');
  await t.onScreen(endsWith(`${prompt}set a 1\nOK\n${prompt}get a\n"1"\n${prompt}append a 23\n(integer) 3\n${prompt}get a\n"123"`, prompt));

  // A question on the way (the server is not the tutor's own) takes its answer from the paste; the rest waits for it.
  t.paste('flushdb\nn\nget a\n');
  const question = 'FLUSHDB deletes data on a server the tutor did not start. Run it? (y/N)';
  await t.onScreen(endsWith(`${prompt}flushdb\n${question} n\n(not run)\n${prompt}get a\n"123"`, prompt));
});

test('with colour the grey hint shows the rest of the syntax', async () => {
  const { t, prompt } = await repl({ FORCE_COLOR: '1', NO_COLOR: '' });
  t.type('set k ');
  await t.onScreen(`${prompt}set k value [NX | XX] [GET]`);
});

test.each([
  ['FORCE_COLOR=0 and NO_COLOR', {}],
  ['TERM=dumb, even with colour forced', { TERM: 'dumb', FORCE_COLOR: '1', NO_COLOR: '' }],
])('no hint under %s: drawn plain it would look typed', async (_, env) => {
  const { t, prompt } = await repl(env);
  t.type('set k ');
  await t.onScreen(new RegExp(`${escapeRegExp(prompt)}set k$`));
  // The hint comes right after the keys; give it time to show, were it to.
  await new Promise((r) => setTimeout(r, 500));
  expect(t.screen()).toMatch(new RegExp(`${escapeRegExp(prompt)}set k$`));
});
