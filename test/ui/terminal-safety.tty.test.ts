import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { runnerMsg } from '../../src/runner/messages.js';
import { runBin } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { openTerminal, type Terminal } from '../helpers/tty.js';

/**
 * What the tutor prints never carries a raw control byte from data it did not write (a key named with an
 * escape sequence, in someone else's database), and its messages wrap at spaces, not mid-word at the edge.
 * Colour is off (HERMETIC_ENV), so any SGR in the captured screen came from the data.
 */
const HOSTILE = '\x1b[31mred';
const SHOWN = '"\\x1b[31mred"';
const RED = '\x1b[31m';

let server: TestRedis;
let home: string;
let term: Terminal | undefined;
beforeAll(async () => {
  server = await startRedis();
  home = mkdtempSync(path.join(os.tmpdir(), 'rt-safety-'));
  // Put there as someone else would, with redis-cli: in the playground database (15), and in db 2.
  const cli = (...args: string[]) => execFileSync('redis-cli', ['-p', String(server.port), ...args]);
  cli('-n', '15', 'SET', HOSTILE, 'v');
  cli('-n', '2', 'SET', HOSTILE, 'v');
  cli('-n', '2', 'HSET', 'profile', 'a very long field name that goes on and on', 'a long value that goes on as well and on', 'f2', 'v2');
  cli('-n', '2', 'ZADD', 'board', '1', 'a very long member name that goes on and on and on', '2', 'b');
});
afterEach(() => term?.kill());
afterAll(async () => {
  await server.stop();
  rmSync(home, { recursive: true, force: true });
});

/** A new terminal; the test's previous one (a test may open two) is closed first, so none outlives the file. */
const open = (args: string[], width: number) => {
  term?.kill();
  return (term = openTerminal(args, { env: { XDG_CONFIG_HOME: home }, width, height: 50 }));
};
/** Words as the screen shows them: a word the terminal cut at its edge reads as two. */
const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * A message printed to a terminal `width` wide: the same words as off a terminal (nothing cut), each line
 * fitting; `first` looks at the screen before that.
 */
async function wrapsAtSpaces(args: string[], width: number, from: string, first = (_shown: string) => {}): Promise<string> {
  const whole = await runBin(args, { env: { XDG_CONFIG_HOME: home } });
  const text = `${whole.stdout}${whole.stderr}`;
  const message = text.slice(text.indexOf(from)).trimEnd();
  expect(message.split('\n').some((l) => l.length > width)).toBe(true);
  const t = open(args, width);
  await t.waitForExit(15_000);
  const screen = t.history();
  const shown = screen.slice(screen.indexOf(from));
  first(shown);
  expect(words(shown)).toEqual(words(message));
  for (const line of shown.split('\n')) expect(line.length).toBeLessThan(width);
  return shown;
}

for (const width of [40, 100]) {
  test(`at ${width} columns, the playground refusal shows the hostile key escaped, the screen not turned red, words whole`, async () => {
    await wrapsAtSpaces(['repl', '--url', server.url], width, 'Database 15', (shown) => {
      expect(shown).toContain(`(${SHOWN})`);
      expect(term!.styled()).not.toContain(RED);
    });
  });

  test(`at ${width} columns, doctor's advice and an error for a dead server wrap at spaces`, async () => {
    await wrapsAtSpaces(['doctor', '--port', '1'], width, '→ ');
    if (width === 40) {
      // Its table fits too: every line of it between its borders.
      const table = term!.history().split('\n').filter((l) => /^[┌│├└]/.test(l));
      expect(table.length).toBeGreaterThan(5);
      for (const line of table) expect(line).toMatch(/[┐│┤┘]$/);
    }
    await wrapsAtSpaces(['repl', '--port', '1'], width, 'Nothing is listening');
  });
}

test('in the REPL at 100 columns: show and a coach note name the hostile key escaped, and the prompt after them is not red', async () => {
  const t = open(['repl', '--url', server.url, '--db', '2'], 100);
  const prompt = `127.0.0.1:${server.port}[2]>`;
  await t.waitFor(prompt);
  t.type(`show ${SHOWN}`);
  t.press('Enter');
  await t.waitFor(`${SHOWN}  type: string   TTL: none (persists)   encoding: embstr`);
  t.type(`set ${SHOWN} w`);
  t.press('Enter');
  const screen = await t.waitFor(`» SET replaced the old value of ${SHOWN} ("v"). A string key holds one value.\n${prompt}`);
  expect(screen).toContain('│ "v"   │');
  expect(t.styled()).not.toContain(RED);
});

test('at 40 columns: show of a hash and a sorted set with long names fits, a row a line, cut with …', async () => {
  const t = open(['repl', '--url', server.url, '--db', '2'], 40);
  const prompt = `127.0.0.1:${server.port}[2]>`;
  await t.waitFor(prompt);
  t.type('show profile');
  t.press('Enter');
  await t.waitFor(/"f2" +│ "v2"/);
  t.type('show board');
  t.press('Enter');
  const screen = await t.waitFor(/│ 1 +│ "b" +│ 2 +│/);
  const tables = screen.split('\n').filter((l) => /^[┌│├└]/.test(l));
  expect(tables).toHaveLength(12);
  for (const line of tables) expect(line).toMatch(/[┐│┤┘]$/);
  expect(screen).toMatch(/^│ "a very long fi.*… │ "a long value.*… │$/m);
  expect(screen).toMatch(/^│ 0 +│ "a very long member.*… │ 1 +│$/m);
  // The header wraps at spaces too.
  expect(screen).toContain('profile  type: hash   TTL: none\n(persists)   encoding: listpack');
});

test('the welcome of start at 40 columns wraps at spaces', async () => {
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'rt-welcome-'));
  term = openTerminal(['start', '--url', server.url, '--db', '3'], { env: { XDG_CONFIG_HOME: fresh }, width: 40, height: 50 });
  const screen = await term.waitFor('Choose a lesson');
  const welcome = screen.slice(screen.indexOf('Welcome'), screen.indexOf('? Choose'));
  expect(words(welcome)).toEqual(words(runnerMsg.welcome().replace(/\*\*|`/g, '')));
  for (const line of welcome.split('\n')) expect(line.length).toBeLessThan(40);
  rmSync(fresh, { recursive: true, force: true });
});
