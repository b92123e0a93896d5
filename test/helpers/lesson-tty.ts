import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startRedis, type TestRedis } from './redis-server.js';
import { escapeRegExp, openLesson, PAUSE, typeAtPrompt, type Terminal } from './tty.js';

/**
 * What the tests that play a lesson by hand share, as a learner meets it in a real terminal: a redis-server
 * of the file's own, the moves (answer a predict wrongly, type a line and wait for its reply, ask a hint,
 * retry, leave) and the patterns they wait for. Patterns key on commands, replies and short phrases, not
 * on whole paragraphs, so a lesson's wording can improve without breaking them.
 */

export interface LessonServer {
  /** The file's own redis-server, started before its first test. */
  readonly server: TestRedis;
  /** Its try prompt in the lesson's database: `127.0.0.1:<port>[15]> `. */
  readonly prompt: string;
  /** The same prompt on the tutor's helper connection B, as it shows B's commands: `B 127.0.0.1:<port>[15]> `. */
  readonly promptB: string;
  /** `redis-tutor lesson <id>` against that server; with `at`, resumed there. Killed when the test ends. */
  lesson(id: string, at?: string): Terminal;
}

/** Registers the file's hooks: one redis-server and one config folder for all its tests; each test's terminals are killed after it. */
export function useLessonServer(name: string): LessonServer {
  let server: TestRedis | undefined;
  let config: string | undefined;
  const open: Terminal[] = [];
  beforeAll(async () => {
    server = await startRedis();
    config = mkdtempSync(path.join(os.tmpdir(), `rt-${name}-tty-`));
  });
  afterEach(() => {
    for (const t of open.splice(0)) t.kill();
  });
  afterAll(async () => {
    await server?.stop();
    if (config !== undefined) rmSync(config, { recursive: true, force: true });
  });
  const started = (): { server: TestRedis; config: string } => {
    if (server === undefined || config === undefined) throw new Error('The redis-server is read before the tests run.');
    return { server, config };
  };
  return {
    get server() {
      return started().server;
    },
    get prompt() {
      return `127.0.0.1:${started().server.port}[15]> `;
    },
    get promptB() {
      return `B ${this.prompt}`;
    },
    lesson(id, at) {
      const t = openLesson(started().config, started().server.url, id, at);
      open.push(t);
      return t;
    },
  };
}

/** A short phrase of a paragraph the runner wraps to the terminal: any run of spaces may have become a line break. */
export const phrase = (s: string) => escapeRegExp(s).replace(/ /g, '\\s+');

/** Reply lines as redis-cli prints them, each ended by a line break (the terminal drops a trailing space): a pattern. */
export const lines = (...reply: string[]) => reply.map((l) => `${escapeRegExp(l.trimEnd())}\\n`).join('');

/** A prompt (A's or B's), a command typed at it, and its reply lines: a pattern. */
export const at = (prompt: string, command: string, ...reply: string[]) => `${escapeRegExp(prompt + command)}\\n${lines(...reply)}`;

/** Types a line (or just Enter) only once "Press Enter to go on" waits at the bottom of the screen. */
export async function atPause(t: Terminal, line = '', timeoutMs?: number): Promise<void> {
  await t.onScreen(PAUSE, timeoutMs);
  if (line !== '') t.type(line);
  t.press('Enter');
}

/** Types `line` at the waiting prompt (A's or B's) and waits for it, echoed after `prompt`, then `then` (a pattern). */
export async function typed(t: Terminal, prompt: string, line: string, then: string): Promise<void> {
  await typeAtPrompt(t, line);
  await t.waitFor(new RegExp(`${escapeRegExp(prompt + line)}\\n${then}`));
}

/** Types each line at the try prompt, waiting until it has been echoed once more after `prompt` before the next. */
export async function typeAll(t: Terminal, prompt: string, lines: string[]): Promise<void> {
  const echoed = (line: string) => t.history().split(`${prompt}${line}\n`).length - 1;
  for (const line of lines) {
    const before = echoed(line);
    await typeAtPrompt(t, line);
    const deadline = Date.now() + 10_000;
    while (echoed(line) === before) {
      if (Date.now() > deadline) throw new Error(`${line} was not echoed. Screen:\n${t.history()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** A predict answered wrongly, and what must follow. */
export interface WrongAnswer {
  question: string;
  /** Arrow presses below the first choice to reach `wrong`; 0 unless said. */
  downs?: number;
  /** The start of the wrong choice. */
  wrong: string;
  /** What the predict runs, in order, each a pattern (an `at`, usually). */
  replies: string[];
  /** The right answer, whole, as the verdict names it. */
  answer: string;
  /** A phrase of the explanation. */
  explains: string;
}

/**
 * Answers the predict on screen with the choice that begins with `wrong`; then checks the replies it runs,
 * the verdict naming the right answer, a phrase of the explanation, and no "Right.", and goes on past the
 * pause. A wrong choice that the lesson now calls right fails here.
 */
export async function predictWrongly(t: Terminal, p: WrongAnswer): Promise<void> {
  await t.onScreen(new RegExp(`${escapeRegExp(p.question)}[\\s\\S]*❯`));
  for (let i = 0; i < (p.downs ?? 0); i++) t.press('Down');
  await t.onScreen(new RegExp(`${escapeRegExp(p.question)}[\\s\\S]*❯ ${escapeRegExp(p.wrong)}`));
  t.press('Enter');
  await t.waitFor(
    new RegExp(
      // The answered line can be wider than the terminal: question and choice are phrases too.
      `› ${phrase(`${p.question} ${p.wrong}`)}[^\\n]*\\n[\\s\\S]*Let's run it:\\n${p.replies.join('')}` +
        `${phrase(`Not quite: the answer is ${p.answer}.`)}\\n[\\s\\S]*${phrase(p.explains)}`,
    ),
  );
  expect(t.history()).not.toContain('Right.');
  await atPause(t);
}

/** Asks for hint `n` at `prompt` and waits for it: `Hint n/<total>:` and a phrase of its text. */
export async function hint(t: Terminal, prompt: string, n: number, total: number, says: string): Promise<void> {
  await typed(t, prompt, 'hint', `Hint ${n}/${total}: [^\\n]*${phrase(says)}`);
}

/** Types retry and waits until the step's data is back. */
export async function retry(t: Terminal): Promise<void> {
  await typeAtPrompt(t, 'retry');
  await t.waitFor('Starting this step again: the data is back as the step found it.');
}

/** Ctrl+C, as a learner may press at any prompt or pause: the tutor ends with status 130. */
export async function interrupt(t: Terminal): Promise<void> {
  t.press('C-c');
  expect(await t.waitForExit()).toBe(130);
}

/** Once the next step has begun after a passed one, leaves with Ctrl+C. */
export async function leave(t: Terminal): Promise<void> {
  await t.waitFor(/Done!\n[\s\S]*\n\[\d+\/\d+\]\n/);
  await interrupt(t);
}

/** Once step `n` of `total` has begun, leaves with Ctrl+C. */
export async function leaveAt(t: Terminal, n: number, total: number): Promise<void> {
  await t.waitFor(new RegExp(`\\n\\[${n}/${total}\\]\\n`));
  await interrupt(t);
}

/** Types quit at the pause: the tutor ends with status 0. */
export async function quitAtPause(t: Terminal): Promise<void> {
  await atPause(t, 'quit');
  expect(await t.waitForExit()).toBe(0);
}
