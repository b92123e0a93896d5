import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { escapeRegExp, openTerminal, PAUSE, type Terminal } from '../helpers/tty.js';

/**
 * The persistence lesson's pitfalls, played by hand as a learner meets them, through the real bin in a real
 * terminal. The lesson stops, kills and restarts its server (R5), so it runs on a private redis-server the
 * tutor starts (`--spawn`) or on the built-in engine (`--builtin`, for the AOF and restart pitfalls), never on
 * a test's server: each test resumes at a step, and the runner rebuilds that step's starting state on a fresh
 * server (restarts and crashes included). Assertions key on step ids, commands, replies and short phrases,
 * not on whole paragraphs.
 */

let config: string;
let term: Terminal | undefined;
let counter = 0;

beforeAll(() => {
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-persistence-tty-'));
});
afterEach(() => term?.kill());
afterAll(() => rmSync(config, { recursive: true, force: true }));

/** `redis-tutor <backend> lesson persistence`, as a learner who left at step `at` (a progress file says so). */
function lesson(at: string, backend: '--spawn' | '--builtin' = '--spawn'): Terminal {
  const home = path.join(config, String(counter++));
  mkdirSync(path.join(home, 'redis-tutor'), { recursive: true });
  const progress = { version: 1, welcomed: true, last: 'persistence', lessons: { persistence: { steps: {}, current: at, finished: false, seconds: 0 } } };
  writeFileSync(path.join(home, 'redis-tutor', 'progress.json'), JSON.stringify(progress));
  return openTerminal([backend, 'lesson', 'persistence'], { env: { XDG_CONFIG_HOME: home } });
}

/** The private server's prompt: its port is chosen at start, and its playground is database 0. */
const PROMPT = String.raw`127\.0\.0\.1:\d+> `;

/** A short phrase of a paragraph the runner wraps to the terminal: any run of spaces may have become a line break. */
const phrase = (s: string) => escapeRegExp(s).replace(/ /g, '\\s+');

/** The prompt, a command typed at it, and its reply lines, as redis-cli prints them. */
const exchange = (command: string, ...reply: string[]) => `${PROMPT}${escapeRegExp(command)}\\n${reply.map(escapeRegExp).join('\\n')}\\n`;

/** A server-control directive, said in one sentence where the commands run. */
const crashed = `${phrase('(the server is killed, as kill -9 does, and started again on the files it left)')}\\n`;
const restartedFromConfig = `${phrase('(the server is stopped cleanly and started again from its configuration file: every CONFIG SET the file does not hold is forgotten)')}\\n`;

/** Types a line once the try prompt waits, empty, at the bottom of the screen. */
async function type(t: Terminal, line: string): Promise<void> {
  await t.onScreen(/127\.0\.0\.1:\d+>\s*$/, 20_000);
  t.type(line);
  t.press('Enter');
}

/**
 * Answers the predict on screen with the choice that begins with `wrong`, `downs` arrow presses below the
 * first; then checks the replies it runs, the verdict naming the right answer, and a phrase of the explanation.
 */
async function predictWrongly(t: Terminal, p: { question: string; downs: number; wrong: string; replies: string[]; answer: string; explains: string }): Promise<void> {
  await t.onScreen(new RegExp(`${escapeRegExp(p.question)}[\\s\\S]*❯`), 30_000);
  for (let i = 0; i < p.downs; i++) t.press('Down');
  await t.onScreen(new RegExp(`❯ ${escapeRegExp(p.wrong)}`));
  t.press('Enter');
  await t.waitFor(
    new RegExp(
      `› ${phrase(p.question)}\\s+${phrase(p.wrong)}[\\s\\S]*?Let's run it:\\n${p.replies.join('')}` +
        `${phrase(`Not quite: the answer is ${p.answer}.`)}\\n[\\s\\S]*${phrase(p.explains)}`,
    ),
    30_000,
  );
  expect(t.history()).not.toContain('Right.');
  await t.onScreen(PAUSE, 20_000);
  t.press('Enter');
}

/** Picks the choice `downs` arrow presses below the first of the quiz on screen, and goes on after its explanation. */
async function answerQuiz(t: Terminal, question: string, downs: number): Promise<void> {
  await t.onScreen(new RegExp(`${phrase(question)}[\\s\\S]*❯`), 20_000);
  for (let i = 0; i < downs; i++) t.press('Down');
  t.press('Enter');
  await t.onScreen(PAUSE, 20_000);
  t.press('Enter');
}

/** Asks for the first hint and waits for it: `Hint 1/<total>:` and a phrase of its text. */
async function firstHint(t: Terminal, total: number, says: string): Promise<void> {
  await type(t, 'hint');
  await t.waitFor(new RegExp(`${PROMPT}hint\\nHint 1/${total}: [^\\n]*${phrase(says)}`));
}

/** Once the next step has begun after a passed one, leaves with Ctrl+C, as a learner may at any prompt. */
async function quit(t: Terminal): Promise<void> {
  await t.waitFor(/Done!\n[\s\S]*\n\[\d+\/\d+\]\n/, 20_000);
  t.press('C-c');
  expect(await t.waitForExit(20_000)).toBe(130);
}

test('persistence: a crash loses the write after the snapshot (predict answered "both": not quite), a clean restart keeps one (answered "(nil)": not quite); save-every-minute: an unquoted save point is refused and told, hint, "60 1" passes; bgsave-now: SAVE is told it stalls every client, hint, retry, then SET and BGSAVE pass', async () => {
  term = lesson('crash-after-snapshot');
  await predictWrongly(term, {
    question: 'After the crash, what does MGET msg:1 msg:2 answer?',
    downs: 0,
    wrong: 'Both messages: Redis had them in memory',
    replies: [
      exchange('SET msg:1 "hi from alice"', 'OK'),
      exchange('SAVE', 'OK'),
      exchange('SET msg:2 "hi from bob"', 'OK'),
      crashed,
      exchange('MGET msg:1 msg:2', '1) "hi from alice"', '2) (nil)'),
    ],
    answer: "alice's message, and (nil) for bob's",
    explains: 'the data comes back up to the last snapshot',
  });

  // clean-shutdown: no SAVE, and the value is there after the restart.
  await predictWrongly(term, {
    question: 'No SAVE before the restart. What does GET msg:3 answer?',
    downs: 1,
    wrong: '(nil): only SAVE writes a snapshot',
    replies: [
      exchange('SET msg:3 "sent before the restart"', 'OK'),
      `${phrase('(the server is stopped cleanly, as SHUTDOWN does, and started again)')}\\n`,
      exchange('GET msg:3', '"sent before the restart"'),
    ],
    answer: '"sent before the restart"',
    explains: 'A clean stop writes a snapshot before it exits whenever save points are set',
  });

  // The loss window (quiz, answered rightly); then save-every-minute: a save point written without quotes is refused.
  await answerQuiz(term, 'At 12:59 the server crashes.', 1);
  await type(term, 'CONFIG SET save 60');
  await term.waitFor(
    new RegExp(
      `${exchange('CONFIG SET save 60', "(error) ERR CONFIG SET failed (possibly related to argument 'save') - Invalid save parameters")}` +
        `Not yet: ${phrase('The server\'s save should be one save point, "60 1": the seconds first, then the changes.')}`,
    ),
  );
  await firstHint(term, 2, 'replaces every save point');
  await type(term, 'CONFIG SET save "60 1"');
  await term.waitFor(new RegExp(`${exchange('CONFIG SET save "60 1"', 'OK')}Done!\\n`));
  await answerQuiz(term, "Your chat's Redis holds 10 GB.", 1);

  // bgsave-now: SAVE would stall every client, and a SAVE typed cannot be untyped: retry.
  await type(term, 'SET msg:2 "hi from bob"');
  await term.waitFor(new RegExp(`${exchange('SET msg:2 "hi from bob"', 'OK')}Not yet: ${phrase('The snapshot must come after the write')}`));
  await type(term, 'SAVE');
  await term.waitFor(new RegExp(`${exchange('SAVE', 'OK')}Not yet: ${phrase('`SAVE` makes every client wait until the file is written')}`.replace(/`/g, '`?')));
  await firstHint(term, 2, 'starts with BG');
  await type(term, 'retry');
  await term.waitFor('Starting this step again: the data is back as the step found it.');
  await type(term, 'SET msg:2 "hi from bob"');
  await type(term, 'BGSAVE');
  await term.waitFor(new RegExp(`${exchange('BGSAVE', 'Background saving started')}Done!\\n`));
  await quit(term);
}, 120_000);

test.each(['--spawn', '--builtin'] as const)('persistence (%s): aof-on: BGREWRITEAOF leaves appendonly "no" and is told, hint, CONFIG SET passes; the AOF survives a crash; a restart from the config file forgets the CONFIG SET (predict answered "msg:4 is gone": not quite, it is there) and the next crash loses msg:5', async (backend) => {
  term = lesson('aof-on', backend);
  await type(term, 'BGREWRITEAOF');
  // Started, or scheduled while the snapshot of the step before (its BGSAVE, replayed) is still being written.
  await term.waitFor(new RegExp(`${PROMPT}BGREWRITEAOF\\nBackground append only file rewriting (started|scheduled)\\nNot yet: ${phrase('The server\'s appendonly setting is still "no": the log is off.')}`.replace(/appendonly/, '`?appendonly`?')));
  await firstHint(term, 2, 'changes a setting of the running server');
  await type(term, 'CONFIG SET appendonly yes');
  await term.waitFor(new RegExp(`${exchange('CONFIG SET appendonly yes', 'OK')}Done!\\n`));

  // aof-survives: the same crash, with the log on.
  await predictWrongly(term, {
    question: 'No snapshot since msg:4 was written. What does GET msg:4 answer after the crash?',
    downs: 1,
    wrong: '(nil): no snapshot was written after it',
    replies: [exchange('SET msg:4 logged', 'OK'), `\\(1500 ms later\\)\\n`, crashed, exchange('GET msg:4', '"logged"')],
    answer: '"logged"',
    explains: 'Redis starts by replaying the log instead of loading',
  });

  // config-not-saved: appendonly is back to "no", and msg:4 is still there (the clean stop's snapshot).
  await predictWrongly(term, {
    question: 'What comes back?',
    downs: 1,
    wrong: 'appendonly "no", and msg:4 is gone with the log',
    replies: [restartedFromConfig, exchange('CONFIG GET appendonly', '1) "appendonly"', '2) "no"'), exchange('GET msg:4', '"logged"')],
    answer: 'appendonly "no", but msg:4 is still there',
    explains: 'the clean stop wrote a snapshot',
  });

  // aof-gone: the crash drill that msg:4 survived now loses msg:5.
  await predictWrongly(term, {
    question: 'msg:4 survived this very crash. What does GET msg:5 answer?',
    downs: 0,
    wrong: '"after the restart": the log has it',
    replies: [exchange('SET msg:5 "after the restart"', 'OK'), `\\(1500 ms later\\)\\n`, crashed, exchange('GET msg:5', '(nil)')],
    answer: '(nil): the log is off, and no snapshot came since',
    explains: 'Next, you make the setting last.',
  });
}, 120_000);

test.each(['--spawn', '--builtin'] as const)('persistence (%s): make-it-last: CONFIG SET alone is told it changed only the running server (the file does not say appendonly yes), a read changes nothing, hint, CONFIG REWRITE passes; rewrite-lasts: a restart from the file keeps "yes" and the crash keeps msg:6 (predict answered "no and (nil)": not quite)', async (backend) => {
  term = lesson('make-it-last', backend);
  // The wrong answer: CONFIG SET alone turns the log on for the running server only.
  await type(term, 'CONFIG SET appendonly yes');
  await term.waitFor(
    new RegExp(
      `${exchange('CONFIG SET appendonly yes', 'OK')}Not yet: ${phrase('CONFIG SET changed only the running server: the configuration file does not say')}` +
        `[\\s\\S]*?${phrase('so a restart from it comes back with "no", as it just did.')}`,
    ),
  );
  // Reading it back shows "yes", and the step still waits for the file to be written.
  await type(term, 'CONFIG GET appendonly');
  await term.waitFor(new RegExp(exchange('CONFIG GET appendonly', '1) "appendonly"', '2) "yes"')));
  expect(term.history()).not.toContain('Done!');
  await firstHint(term, 2, 'writes the running settings into the configuration file');
  await type(term, 'CONFIG REWRITE');
  await term.waitFor(new RegExp(`${exchange('CONFIG REWRITE', 'OK')}Done!\\n`));

  // rewrite-lasts: the restart from the file keeps the log on, and the crash after it keeps the write.
  await predictWrongly(term, {
    question: 'What do CONFIG GET appendonly and GET msg:6 answer this time?',
    downs: 0,
    wrong: '"no" and (nil): a restart forgets every setting',
    replies: [
      restartedFromConfig,
      exchange('CONFIG GET appendonly', '1) "appendonly"', '2) "yes"'),
      exchange('SET msg:6 "after the reboot"', 'OK'),
      `\\(1500 ms later\\)\\n`,
      crashed,
      exchange('GET msg:6', '"after the reboot"'),
    ],
    answer: '"yes", and "after the reboot": the log kept it',
    explains: 'A restart forgets only what never reached the file.',
  });
}, 120_000);
