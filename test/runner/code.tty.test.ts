import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { openTerminal, PAUSE, type Terminal } from '../helpers/tty.js';

/**
 * A code step played by hand through the real bin in a real terminal: the test writes the file as the
 * learner's editor would, and types `run` at the step's prompt.
 */

let server: TestRedis;
let root: string;
let term: Terminal | undefined;

beforeAll(async () => {
  server = await startRedis();
  root = mkdtempSync(path.join(os.tmpdir(), 'rt-code-tty-'));
});
afterEach(() => term?.kill());
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const FIXTURE = path.join(import.meta.dirname, '../fixtures/code');
const PROMPT = /greet\.mjs>\s*$/;

async function run(t: Terminal): Promise<void> {
  await t.onScreen(PROMPT);
  t.type('run');
  t.press('Enter');
}

test('a tiny code step by hand: the starter in the workspace, a throw with its line, then the right file passes', { timeout: 60_000 }, async () => {
  const workspace = path.join(root, 'ws');
  term = openTerminal(['lesson', 'greet', '--lessons', FIXTURE, '--url', server.url, '--workspace', workspace], { env: { XDG_CONFIG_HOME: path.join(root, 'config') } });
  await term.waitFor('Open');
  const file = path.join(workspace, 'greet.mjs');
  await term.onScreen(PROMPT);
  expect(term.history().replace(/\n/g, '')).toContain(`Open ${file} in your editor`);
  const starter = readFileSync(file, 'utf8');
  expect(starter).toContain('// TODO');

  // The starter runs, and falls short.
  await run(term);
  await term.waitFor('Not yet: greeting should be the string "hello alice"; it does not exist.', 15_000);

  // Their editor saves a mistake: one message, the line of their file, the prompt back.
  writeFileSync(file, starter.replace(/\/\/ TODO.*/, "await client.rpush('greeting', `hello ${name}`);"));
  await run(term);
  await term.waitFor("6 │ await client.rpush('greeting', `hello ${name}`);", 15_000);
  expect(term.history().replace(/\n/g, ' ')).toContain('Your program stopped with an error at line 6 of greet.mjs: TypeError: client.rpush is not a function');
  expect(term.history()).not.toContain('node:internal');

  writeFileSync(file, starter.replace(/\/\/ TODO.*/, "await client.set('greeting', `hello ${name}`);\nconsole.log(await client.get('greeting'));"));
  await run(term);
  await term.waitFor('│ hello 민수', 15_000);
  await term.waitFor('Done!');
  await term.onScreen(PAUSE, 15_000);
  expect(term.history()).toMatch(/GET greeting\n"hello 민수"/);
  term.press('Enter');
  expect(await term.waitForExit(15_000)).toBe(0);
});

test('watch: every save of the file runs it without typing run; a save that changes nothing does not; the right file passes', { timeout: 60_000 }, async () => {
  const workspace = path.join(root, 'ws-watch');
  term = openTerminal(['lesson', 'greet', '--lessons', FIXTURE, '--url', server.url, '--workspace', workspace], { env: { XDG_CONFIG_HOME: path.join(root, 'config-watch') } });
  const file = path.join(workspace, 'greet.mjs');
  await term.onScreen(PROMPT);
  const starter = readFileSync(file, 'utf8');
  term.type('watch');
  term.press('Enter');
  await term.waitFor('Watching greet.mjs: every time you save it, it runs.');
  await term.onScreen(PROMPT);

  // A save with a mistake runs at once: its error and line, and the prompt back, still watching.
  writeFileSync(file, starter.replace(/\/\/ TODO.*/, "await client.rpush('greeting', `hello ${name}`);"));
  await term.waitFor('(greet.mjs was saved)', 10_000);
  await term.waitFor("6 │ await client.rpush('greeting', `hello ${name}`);", 15_000);
  await term.onScreen(PROMPT);
  const runs = () => (term!.history().match(/\(greet\.mjs was saved\)/g) ?? []).length;
  // The same content saved again (an editor's second write) runs nothing.
  writeFileSync(file, starter.replace(/\/\/ TODO.*/, "await client.rpush('greeting', `hello ${name}`);"));
  await new Promise((r) => setTimeout(r, 600));
  expect(runs()).toBe(1);

  writeFileSync(file, starter.replace(/\/\/ TODO.*/, "await client.set('greeting', `hello ${name}`);\nconsole.log(await client.get('greeting'));"));
  await term.waitFor('│ hello 민수', 15_000);
  await term.waitFor('Done!');
  expect(runs()).toBe(2);
  expect(term.history()).not.toMatch(/greet\.mjs> run/);
  await term.onScreen(PAUSE, 15_000);
  term.press('Enter');
  expect(await term.waitForExit(15_000)).toBe(0);
});
