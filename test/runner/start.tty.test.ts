import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { escapeRegExp as escape, openTerminal, typeAtPrompt, type Terminal } from '../helpers/tty.js';

let server: TestRedis;
let config: string;
let term: Terminal | undefined;

beforeAll(async () => {
  server = await startRedis();
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-start-tty-'));
});
afterEach(() => term?.kill());
afterAll(async () => {
  await server?.stop();
  rmSync(config, { recursive: true, force: true });
});

const progressFile = () => path.join(config, 'redis-tutor', 'progress.json');
const start = () => openTerminal(['start', '--url', server.url], { env: { XDG_CONFIG_HOME: config } });

test('start in a real terminal: strings, a wrong answer, a hint, the right answer, Ctrl+C, resume, then a damaged progress file', async () => {
  const prompt = `127.0.0.1:${server.port}[15]>`;

  // First run: welcome, then the menu. Choose the second lesson, strings.
  term = start();
  await term.waitFor('Welcome to redis-tutor!');
  await term.onScreen(/❯ +1\. What Redis is/);
  term.press('Down');
  await term.onScreen(/❯ +2\. Strings/);
  term.press('Enter');
  await term.waitFor('Lesson 2: Strings: SET, GET, DEL, EXISTS, and why a second SET loses the first');
  await term.onScreen('Press Enter to go on');
  term.press('Enter');
  await term.waitFor('[2/18]');
  await term.onScreen(/"Ada Lovelace"[\s\S]*Press Enter to go on/);
  term.press('Enter');
  await term.waitFor('Store the name Grace for user 2');
  await term.onScreen(new RegExp(`${escape(prompt)}\\s*$`));

  // A wrong answer: the key name is off, and the tutor says which key was meant.
  await typeAtPrompt(term, 'SET user2name Grace');
  await term.waitFor(/Not yet: user:2:name should be the string "Grace"; it does not exist\. There is a key user2name:\s+did\s+you\s+mean\s+user:2:name\?/);
  await typeAtPrompt(term, 'hint');
  await term.waitFor("Hint 1/2: Look at the key above: user:1:name. What would user 2's be?");
  await typeAtPrompt(term, 'SET user:2:name Grace');
  await term.waitFor(/SET user:2:name Grace\nOK\nDone!/);
  await term.waitFor('[4/18]');
  await term.onScreen('Press Enter to go on');

  // Ctrl+C leaves cleanly and keeps progress.
  term.press('C-c');
  await term.waitFor('Progress saved. Run redis-tutor start to continue where you left off.');
  expect(await term.waitForExit()).toBe(130);
  const saved = JSON.parse(readFileSync(progressFile(), 'utf8'));
  expect(saved.lessons.strings).toMatchObject({ current: 'chat-story', finished: false, steps: { 'second-user': 'passed' } });
  term.kill();

  // Second run: no welcome; "continue" comes first and lands on the same step.
  term = start();
  // The choice is longer than the 100-column terminal: the prompt wraps it at a space.
  // On one line: a title too long for the terminal is cut with "…", the step is kept.
  const menu = await term.onScreen(/Continue where you left off: Strings: SET, GET, DEL, EXISTS, [^\n]*\(step 4 of 18\)/);
  expect(menu).not.toContain('Welcome to redis-tutor!');
  expect(menu).toMatch(/2\. Strings: SET, GET, DEL, EXISTS, and why a second SET loses the first +\[in progress\]/);
  term.press('Enter');
  await term.waitFor('Continuing at step 4 of 18.');
  await term.waitFor(/\[4\/18\]\nNow a real program\. You are writing a chat app/);
  term.press('C-c');
  expect(await term.waitForExit()).toBe(130);
  term.kill();

  // Damage the progress file: a one-line notice, the file set aside, and a fresh start with the welcome.
  writeFileSync(progressFile(), '{"version": 1, "lessons": {"strings": ');
  term = start();
  const fresh = await term.onScreen(/❯ +1\. What Redis is/);
  // One line, which the 100-column terminal wraps: join the rows to read it.
  expect(fresh.replace(/\n/g, '')).toMatch(/Your progress file \(.*progress\.json\) was damaged; it was moved to .*damaged-.* and you start fresh\./);
  expect(fresh).toContain('Welcome to redis-tutor!');
  expect(fresh).not.toContain('Continue where you left off');
  expect(fresh).not.toContain('[in progress]');
  term.press('C-c');
  expect(await term.waitForExit()).toBe(130);
  expect(readdirSync(path.dirname(progressFile())).some((n) => n.startsWith('progress.json.damaged-'))).toBe(true);
  expect(existsSync(progressFile())).toBe(true);
}, 60_000);

test('lesson intro in a real terminal: a reply check, solution, a predict and a quiz answered with the arrow keys, quit', async () => {
  const env = { XDG_CONFIG_HOME: path.join(config, 'intro') };
  term = openTerminal(['lesson', 'intro', '--url', server.url], { env });
  await term.onScreen('Press Enter to go on');
  term.press('Enter');
  await term.onScreen(/PONG is a simple string reply[\s\S]*Press Enter to go on/);
  term.press('Enter');
  await term.waitFor('Your turn: type PING and press Enter.');
  await typeAtPrompt(term, 'ping');
  await term.waitFor(/> ping\nPONG\nDone!/);
  await term.onScreen(/help <command>  what a Redis command does[\s\S]*Press Enter to go on/);
  term.press('Enter');
  await term.waitFor('Make Redis say hello redis');
  await typeAtPrompt(term, 'ECHO hello redis');
  await term.waitFor("(error) ERR wrong number of arguments for 'echo' command\nNot yet: The last reply should be \"hello redis\"");
  await typeAtPrompt(term, 'solution');
  await term.waitFor(/The solution, run for you on the data as the step found it:\n.*> ECHO "hello redis"\n"hello redis"/);
  await term.waitFor('put the value hello under the key greeting');
  await typeAtPrompt(term, 'SET greeting hello');
  await term.waitFor(/> SET greeting hello\nOK\nDone!/);
  // The predict: the second choice, with the arrow keys.
  await term.onScreen(/What do the two commands answer\?[\s\S]*❯ "hello" both times/);
  term.press('Down');
  await term.onScreen(/❯ \(nil\), then "hello"/);
  term.press('Enter');
  await term.waitFor(/Right\.\nKey names are case-sensitive/);
  await term.onScreen('Press Enter to go on');
  term.press('Enter');
  await term.onScreen(/Redis keeps greeting in memory[\s\S]*❯ It is always lost/);
  term.press('Down');
  term.press('Enter');
  await term.waitFor(/Right\.\nFrom time to time Redis saves a snapshot of all its data to disk/);
  await term.onScreen('Press Enter to go on');
  term.type('quit');
  term.press('Enter');
  await term.waitFor('Progress saved. Run redis-tutor start to continue where you left off.');
  expect(await term.waitForExit()).toBe(0);
  const saved = JSON.parse(readFileSync(path.join(env.XDG_CONFIG_HOME, 'redis-tutor', 'progress.json'), 'utf8'));
  expect(saved.lessons.intro.steps).toEqual({
    'what-is-redis': 'passed',
    'ping-shown': 'passed',
    'ping-yourself': 'passed',
    'tutor-words': 'passed',
    echo: 'shown',
    'first-key': 'passed',
    'case-predict': 'passed',
  });
  expect(saved.lessons.intro.current).toBe('restart-quiz');
}, 60_000);

test('on an 80x24 terminal, list shows every lesson on one row each, and start shows them all with the menu on one screen', async () => {
  const course = (await import('../../src/course/load.js')).loadCourse();
  const home = mkdtempSync(path.join(os.tmpdir(), 'rt-fit-'));
  term = openTerminal(['list'], { env: { XDG_CONFIG_HOME: home }, width: 80, height: 24 });
  expect(await term.waitForExit()).toBe(0);
  const listed = term.history().split('\n');
  for (const lesson of course) expect(listed.filter((l) => new RegExp(`^│ ${lesson.order} +│ ${escape(lesson.id)} +│`).test(l))).toHaveLength(1);
  // Borders, header and one row per lesson: nothing wraps.
  expect(listed.filter((l) => l.startsWith('│'))).toHaveLength(course.length + 1);
  expect(Math.max(...listed.map((l) => l.length))).toBeLessThanOrEqual(80);
  term.kill();

  term = openTerminal(['start', '--url', server.url], { env: { XDG_CONFIG_HOME: home }, width: 80, height: 24 });
  // The welcome is wrapped to the terminal: no word is cut at the edge.
  const welcome = await term.waitFor(/Welcome to redis-tutor![\s\S]*come back with\s+redis-tutor start\./);
  const welcomeLines = welcome.slice(welcome.indexOf('Welcome to redis-tutor!')).split('\n');
  expect(Math.max(...welcomeLines.map((l) => l.length))).toBeLessThan(80);
  const menu = await term.onScreen(/Quit\s[\s\S]*navigate/);
  for (const lesson of course) expect(menu).toContain(`${lesson.order}. `);
  expect(menu).toMatch(/❯ +1\. /);
  rmSync(home, { recursive: true, force: true });
}, 30_000);
