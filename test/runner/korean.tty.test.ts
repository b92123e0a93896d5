import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { runnerMsg } from '../../src/runner/messages.js';
import { msg } from '../../src/ui/messages.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { escapeRegExp, openTerminal, type Terminal } from '../helpers/tty.js';
import { ko } from '../../src/runner/messages.ko.js';

/**
 * The Korean edition, played by hand through the real bin in a real terminal: `lesson intro --lang ko`
 * from its first step to its summary, with the tutor's words typed in Korean and once with the keyboard
 * left in Korean mode. At the end, no sentence of the tutor's own English chrome is on the screen.
 */

let server: TestRedis;
let config: string;
let term: Terminal | undefined;

beforeAll(async () => {
  server = await startRedis();
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-korean-tty-'));
});
afterEach(() => term?.kill());
afterAll(async () => {
  await server?.stop();
  rmSync(config, { recursive: true, force: true });
});

/** The pause after a step, in Korean, waiting at the bottom of the screen. */
const pause = async (t: Terminal) => {
  await t.onScreen(new RegExp(`${escapeRegExp(ko.continue())}\\s*$`), 15_000);
};

/** The English chrome: every sentence of the runner's table that takes no values (this test runs in English). */
function englishChrome(): string[] {
  const tables = [runnerMsg, msg] as unknown as Record<string, unknown>[];
  const sentences = tables.flatMap((table) =>
    Object.keys(table)
      .map((key) => table[key])
      .filter((f): f is () => string => typeof f === 'function' && f.length === 0)
      .map((f) => f()),
  );
  // Long enough to be a sentence of the chrome; short words (`a key`) could be in a lesson's own text.
  return sentences.filter((s) => /[A-Za-z]{3,}.*\s.*[A-Za-z]{3,}/.test(s) && s.length >= 8);
}

test('lesson intro in Korean, start to finish: Korean words, the Korean layout noticed, no English chrome left', async () => {
  const prompt = `127.0.0.1:${server.port}[15]> `;
  term = openTerminal(['lesson', 'intro', '--lang', 'ko', '--url', server.url], { env: { XDG_CONFIG_HOME: config, REDIS_TUTOR_LANG: '' }, width: 80, height: 40 });
  await term.waitFor(/레슨 1/);
  // what-is-redis, then ping-shown: read, Enter.
  for (let i = 0; i < 2; i++) {
    await pause(term);
    term.press('Enter');
  }
  // ping-yourself: PING typed with the Korean layout on is not sent; the hint in Korean; then PING.
  await term.onScreen(/\[15\]>\s*$/);
  term.type('ㅔㅑㅜㅎ');
  term.press('Enter');
  await term.waitFor(/ㅔㅑㅜㅎ[^\n]*\n[\s\S]*PING/);
  await term.onScreen(/\[15\]>\s*$/);
  term.type('힌트');
  term.press('Enter');
  await term.waitFor(/힌트\n[^\n]*1\/\d/);
  await term.onScreen(/\[15\]>\s*$/);
  term.type('PING');
  term.press('Enter');
  await term.waitFor(new RegExp(`${escapeRegExp(prompt)}PING\\nPONG\\n${escapeRegExp(ko.passed())}`));
  // tutor-words: read.
  await pause(term);
  term.press('Enter');
  // echo: skipped with the Korean word.
  await term.onScreen(/\[15\]>\s*$/);
  term.type('건너뛰기');
  term.press('Enter');
  // first-key: `hint` with the Korean layout on is obeyed, and said; then the solution, in Korean.
  await term.onScreen(/\[15\]>\s*$/, 10_000);
  term.type('ㅗㅑㅜㅅ');
  term.press('Enter');
  await term.waitFor(/ㅗㅑㅜㅅ[\s\S]*hint[\s\S]*1\/\d/);
  await term.onScreen(/\[15\]>\s*$/);
  term.type('정답');
  term.press('Enter');
  // case-predict and restart-quiz: the first choice each time, then read the explanation.
  for (let i = 0; i < 2; i++) {
    await term.onScreen(/❯/, 10_000);
    term.press('Enter');
    await pause(term);
    term.press('Enter');
  }
  // done: read; then the summary and the end.
  await pause(term);
  term.press('Enter');
  expect(await term.waitForExit(15_000)).toBe(0);
  const screen = term.history();
  const left = englishChrome().filter((s) => screen.includes(s));
  expect(left).toEqual([]);
  expect(screen).not.toMatch(/Press Enter|Type Redis commands|Lesson 1:|Goal:|Let's run it|What you learned|Commands you used|navigate/);
}, 90_000);

test('in Korean at 40 columns, Hangul counted two columns wide: list, the welcome and the menu each fit, one line per lesson in the menu', async () => {
  const { displayWidth } = await import('../../src/ui/width.js');
  const home = mkdtempSync(path.join(os.tmpdir(), 'rt-korean-narrow-'));
  const fits = (screen: string) => screen.split('\n').filter((l) => displayWidth(l) > 40);
  term = openTerminal(['--lang', 'ko', 'list'], { env: { XDG_CONFIG_HOME: home, REDIS_TUTOR_LANG: '' }, width: 40, height: 40 });
  expect(await term.waitForExit()).toBe(0);
  const listed = term.history();
  expect(listed).toMatch(/^1\. intro · \d+ 단계 · \d+ 분 · 새 레슨$/m);
  expect(fits(listed)).toEqual([]);
  term.kill();

  term = openTerminal(['--lang', 'ko', 'start', '--url', server.url], { env: { XDG_CONFIG_HOME: home, REDIS_TUTOR_LANG: '' }, width: 40, height: 40 });
  const menu = await term.onScreen(/↑↓ 이동 • ⏎ 선택/);
  expect(menu).toContain('redis-tutor에 오신 것을 환영해요!');
  expect(fits(menu)).toEqual([]);
  // Every lesson, the language and Quit: one line each, between the question and the key legend.
  const lines = menu.slice(menu.indexOf('레슨을 선택하세요')).split('\n').slice(1);
  const choices = lines.slice(0, lines.findIndex((l) => l.trim() === '' || l.includes('↑↓')));
  expect(choices.length).toBeGreaterThanOrEqual(11);
  expect(choices.filter((l) => /^\s*❯?\s+\d\. /.test(l))).toHaveLength(9);
  rmSync(home, { recursive: true, force: true });
}, 30_000);
