import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { escapeRegExp, openLesson, PAUSE, type Terminal } from '../helpers/tty.js';

/**
 * The capstone's pitfalls, played by hand as a learner meets them, through the real bin in a real terminal.
 * The lesson crashes its server (R5), so given the test's redis-server it runs on a private one the tutor
 * starts for it (said in one line), and each test reads that server's prompt from the screen: a send that forgets a member,
 * told, then the whole transaction and
 * its PUBLISH heard by the tutor's server B; PUBLISH counting connections, not people; the unread count read
 * and reset without MULTI, told; XREVRANGE given - + (predict); a page without COUNT, told; a catch-up that
 * counts its start in, told; BGREWRITEAOF for turning the AOF on, told; the crash drill (predict answered 3:
 * not quite, 4); onMessage() in node-redis naming bob and carol instead of reading the members, told
 * when the tutor runs it again after dave joined, then the right function heard by the program's server B.
 * Each test resumes at its first step. Assertions key on commands, replies and
 * short phrases, so the lesson's wording can improve without breaking them.
 */

let server: TestRedis;
let config: string;
let term: Terminal | undefined;
let prompt: string;

beforeAll(async () => {
  server = await startRedis();
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-capstone-tty-'));
});
afterEach(() => term?.kill());
afterAll(async () => {
  await server?.stop();
  rmSync(config, { recursive: true, force: true });
});

/** The lesson, resumed at step `at`, on the private server it starts for itself; `prompt` becomes that server's. */
async function lesson(at: string): Promise<Terminal> {
  const t = openLesson(config, server.url, 'chat-capstone', at);
  // Said in one line: the lesson crashes its server, so it runs on one of the tutor's, never on the learner's.
  await t.waitFor(new RegExp(phrase('stops, crashes and restarts its server, so it runs on one the tutor starts for it')), 20_000);
  const port = /private Redis \S+ at 127\.0\.0\.1:(\d+)/.exec(await t.waitFor(/private Redis \S+ at 127\.0\.0\.1:\d+/, 20_000))?.[1];
  expect(port).toBeDefined();
  expect(port).not.toBe(String(server.port));
  prompt = `127.0.0.1:${port}> `;
  return t;
}

/** Types a line once the try prompt waits, empty, at the bottom of the screen. */
async function typeAtPrompt(t: Terminal, line: string): Promise<void> {
  await t.onScreen(new RegExp(`${escapeRegExp(prompt.trimEnd())}\\s*$`), 20_000);
  t.type(line);
  t.press('Enter');
}

/** A phrase of a paragraph the runner re-wraps: any space may have become a line break. */
const phrase = (s: string) => escapeRegExp(s).replace(/ /g, '\\s+');
/** A command typed at the lesson's prompt and its reply lines, as redis-cli prints them. */
const exchange = (command: string, ...reply: string[]) => `${escapeRegExp(prompt + command)}\\n${reply.map(escapeRegExp).join('\\n')}\\n`;
/** A pub/sub message as a helper prints it when it arrives: `(B) 1) "message"` and its channel and payload. */
const pushed = (on: string, channel: string, message: string) => `\\(${on}\\) 1\\) "message"\\n\\s+2\\) "${escapeRegExp(channel)}"\\n\\s+3\\) "${escapeRegExp(message)}"\\n`;
/** An entry of an XRANGE-shaped reply. */
const entry = (n: number, id: string, user: string, text: string) => [`${n}) 1) "${id}"`, `   2) 1) "user"`, `      2) "${user}"`, `      3) "text"`, `      4) "${text}"`];

/** Types each line at the prompt in turn, each once the prompt is back. */
async function typeAll(t: Terminal, lines: string[]): Promise<void> {
  for (const line of lines) {
    await typeAtPrompt(t, line);
    await t.waitFor(`${prompt}${line}\n`);
  }
}

/**
 * Picks the choice `downs` below the first (it must begin with `wrong`), then waits for what the commands
 * printed (`shown`, a pattern), the verdict naming the right answer, and a phrase of the explanation.
 */
async function answerWrongly(t: Terminal, p: { question: string; downs: number; wrong: string; shown: string; answer: string; explains: string }): Promise<void> {
  await t.onScreen(new RegExp(`${escapeRegExp(p.question)}[\\s\\S]*❯`));
  for (let i = 0; i < p.downs; i++) t.press('Down');
  await t.onScreen(new RegExp(`❯ ${escapeRegExp(p.wrong)}`));
  t.press('Enter');
  await t.waitFor(
    new RegExp(`› ${escapeRegExp(p.question)} ${escapeRegExp(p.wrong)}[^\\n]*\\n[\\s\\S]*Let's run it:\\n${p.shown}${phrase(`Not quite: the answer is ${p.answer}.`)}\\n[\\s\\S]*${phrase(p.explains)}`),
  );
  expect(t.history()).not.toContain('Right.');
  await t.onScreen(PAUSE);
  t.press('Enter');
}

async function hint(t: Terminal, total: number, says: string): Promise<void> {
  await typeAtPrompt(t, 'hint');
  await t.waitFor(new RegExp(`${escapeRegExp(prompt)}hint\\nHint 1/${total}: [^\\n]*${phrase(says)}`));
}

async function retry(t: Terminal): Promise<void> {
  await typeAtPrompt(t, 'retry');
  await t.waitFor('Starting this step again: the data is back as the step found it.');
}

/** Once step `next` has begun, Ctrl+C, as a learner may leave at any prompt. */
async function leaveAt(t: Terminal, next: number): Promise<void> {
  await t.waitFor(new RegExp(`\\n\\[${next}/\\d+\\]\\n`));
  t.press('C-c');
  expect(await t.waitForExit()).toBe(130);
}

const SEND = ['MULTI', 'XADD room:1:log 1700000060000-0 user alice text hi', 'HINCRBY unread:bob room:1 1'];
const SEND_REST = ['ZINCRBY leaderboard:messages 1 alice', 'ZADD online 1700000060 alice', 'EXEC', 'PUBLISH room:1 1700000060000-0'];

test('chat-capstone: send without carol\'s unread count is told (B heard it all the same), hint, retry, the whole MULTI then PUBLISH passes; PUBLISH counts connections (predict answered 302: not quite, 2)', async () => {
  term = await lesson('send');
  // The tutor's server B listens on room:1 from the step's start; carol joined the room a moment ago.
  await typeAll(term, [...SEND, ...SEND_REST]);
  await term.waitFor(
    new RegExp(`${exchange('PUBLISH room:1 1700000060000-0', '(integer) 1')}${pushed('B', 'room:1', '1700000060000-0')}[\\s\\S]*?Not yet: [\\s\\S]*?${phrase('carol is a member too (she just joined room:1)')}`),
  );
  expect(term.history()).not.toContain('Done!');
  await hint(term, 2, 'Look first: SMEMBERS room:1:members');
  // The log has the message now and bob's count is 1: only a fresh start can send it again.
  await retry(term);
  await typeAll(term, [...SEND, 'HINCRBY unread:carol room:1 1', ...SEND_REST]);
  await term.waitFor(new RegExp(`${exchange('PUBLISH room:1 1700000060000-0', '(integer) 1')}${pushed('B', 'room:1', '1700000060000-0')}Done!\\n`));

  // fan-out-count: B and C each subscribed once; A publishes.
  await answerWrongly(term, {
    question: 'What does PUBLISH answer?',
    downs: 0,
    wrong: '(integer) 302: one for each member who gets it',
    shown: `${exchange('PUBLISH room:1 1700000060000-0', '(integer) 2')}(?:${pushed('B', 'room:1', '1700000060000-0')}|${pushed('C', 'room:1', '1700000060000-0')}){2}`,
    answer: '(integer) 2: one for each subscribed connection',
    explains: 'how many subscribed connections received the message',
  });
  await leaveAt(term, 8);
}, 60_000);

test('chat-capstone: open-room: HGET then HDEL outside MULTI is told, retry, hint, the MULTI answers "3" and 1; XREVRANGE - + (predict answered newest first: not quite, (empty array)); read: a page without COUNT is told, COUNT 50 passes', async () => {
  term = await lesson('open-room');
  await typeAll(term, ['HGET unread:bob room:1', 'HDEL unread:bob room:1']);
  await term.waitFor(new RegExp(`${exchange('HDEL unread:bob room:1', '(integer) 1')}Not yet: [\\s\\S]*?${phrase('In one go: HGET and HDEL between MULTI and EXEC')}`));
  // The field is gone now, so the count is lost: the step's data goes back first.
  await retry(term);
  await hint(term, 2, 'Inside MULTI, each command answers QUEUED');
  await typeAll(term, ['MULTI', 'HGET unread:bob room:1', 'HDEL unread:bob room:1', 'EXEC']);
  await term.waitFor(new RegExp(`${exchange('EXEC', '1) "3"', '2) (integer) 1')}Done!\\n`));

  await answerWrongly(term, {
    question: 'The log holds 3 messages. What does this XREVRANGE answer?',
    downs: 0,
    wrong: 'The 3 messages, newest first',
    shown: exchange('XREVRANGE room:1:log - + COUNT 50', '(empty array)'),
    answer: '(empty array)',
    explains: 'end first',
  });

  // read: the right order, but no page size.
  const page = [...entry(1, '1700000070000-0', 'alice', 'bob?'), ...entry(2, '1700000065000-0', 'alice', 'lunch at 12?'), ...entry(3, '1700000060000-0', 'alice', 'hi')];
  await typeAtPrompt(term, 'XREVRANGE room:1:log + -');
  await term.waitFor(new RegExp(`${exchange('XREVRANGE room:1:log + -', ...page)}Not yet: ${phrase('A page is the newest 50, so the last command should be XREVRANGE room:1:log + - COUNT 50')}`));
  await typeAtPrompt(term, 'XREVRANGE room:1:log + - COUNT 50');
  await term.waitFor(new RegExp(`${exchange('XREVRANGE room:1:log + - COUNT 50', ...page)}Done!\\n`));
  await leaveAt(term, 13);
}, 60_000);

test('chat-capstone: catch-up: XRANGE from carol\'s last id counts it in and is told, hint, XREAD from that id passes; aof-on: BGREWRITEAOF is told, CONFIG SET appendonly yes passes; the crash drill (predict answered 3: not quite, 4)', async () => {
  term = await lesson('catch-up');
  await typeAtPrompt(term, 'XRANGE room:1:log 1700000060000-0 +');
  await term.waitFor(
    new RegExp(
      `${exchange('XRANGE room:1:log 1700000060000-0 +', ...entry(1, '1700000060000-0', 'alice', 'hi'), ...entry(2, '1700000065000-0', 'alice', 'lunch at 12?'), ...entry(3, '1700000070000-0', 'alice', 'bob?'))}` +
        `Not yet: ${phrase('carol already has alice\'s "hi" (1700000060000-0): leave it out.')}`,
    ),
  );
  await hint(term, 2, 'the ( leaves the id itself out');
  await typeAtPrompt(term, 'XREAD STREAMS room:1:log 1700000060000-0');
  await term.waitFor(
    new RegExp(
      `${exchange(
        'XREAD STREAMS room:1:log 1700000060000-0',
        '1) 1) "room:1:log"',
        ...[...entry(1, '1700000065000-0', 'alice', 'lunch at 12?'), ...entry(2, '1700000070000-0', 'alice', 'bob?')].map((l, i) => (i === 0 ? `   2) ${l}` : `      ${l}`)),
      )}Done!\\n`,
    ),
  );

  // aof-on: a rewrite of the log once is not turning it on.
  await typeAtPrompt(term, 'BGREWRITEAOF');
  await term.waitFor(new RegExp(`${exchange('BGREWRITEAOF', 'Background append only file rewriting started')}Not yet: ${phrase("The server's appendonly setting is still \"no\": writes are not logged.")}`));
  await typeAtPrompt(term, 'CONFIG SET appendonly yes');
  await term.waitFor(new RegExp(`${exchange('CONFIG SET appendonly yes', 'OK')}Done!\\n`));

  // crash-drill: carol's message, 1.5 s, kill -9, and the model read back.
  await answerWrongly(term, {
    question: 'After the restart, what does XLEN room:1:log answer?',
    downs: 1,
    wrong: '(integer) 3: the last message is lost',
    shown:
      `${exchange('XADD room:1:log 1700000080000-0 user carol text "back!"', '"1700000080000-0"')}[\\s\\S]*?${phrase('(the server is killed, as kill -9 does, and started again on the files it left)')}\\n` +
      `${exchange('XLEN room:1:log', '(integer) 4')}${exchange('HGET unread:bob room:2', '"4"')}${escapeRegExp(`${prompt}TTL session:tok1`)}\\n\\(integer\\) 1[0-9]{3}\\n`,
    answer: "(integer) 4: carol's message too, and everything before it",
    explains: 'Everything came back from the log of writes',
  });
  await leaveAt(term, 17);
}, 60_000);

test('chat-capstone: onMessage() that names bob and carol passes for alice but not when run again as carol after dave joined, told; the members read with sMembers pass, and server B hears the JSON with its id', async () => {
  term = await lesson('on-message');
  // The tutor says where the file is; the test saves it there as the learner's editor would.
  await term.onScreen(/on-message\.mjs>\s*$/, 20_000);
  const file = /Open\s+(\/\S+?on-message\.mjs)\s+in\s+your\s+editor/.exec(term.history())?.[1];
  expect(file).toBeDefined();
  const starter = readFileSync(file!, 'utf8');
  const body = (code: string) => starter.replace(/ {2}\/\/ TODO[\s\S]*?\n}\n/, `${code}\n}\n`);
  const tx = "client.multi().xAdd(`${room}:log`, '*', { user, text })";
  const rest = ".zIncrBy('leaderboard:messages', 1, user).zAdd('online', { score: now, value: user }).exec();\n  await client.publish(room, JSON.stringify({ id, user, text }));\n  return id;";
  const run = async () => {
    await term!.onScreen(/on-message\.mjs>\s*$/, 20_000);
    term!.type('run');
    term!.press('Enter');
  };

  writeFileSync(file!, body(`  const [id] = await ${tx}.hIncrBy('unread:bob', room, 1).hIncrBy('unread:carol', room, 1)${rest}`));
  await run();
  await term.waitFor(/│ B heard \{"id":"\d+-\d+","user":"alice","text":"hi"\}\n/, 20_000);
  await term.waitFor(new RegExp(`Not yet: ${phrase("Right with the step's own input, but not when run again as CHAT_USER=carol node on-message.mjs:")}[\\s\\S]*?${phrase('dave joined room:1 before this message')}`), 20_000);

  writeFileSync(file!, body(`  const members = await client.sMembers(\`\${room}:members\`);\n  const tx = ${tx};\n  for (const member of members) if (member !== user) tx.hIncrBy(\`unread:\${member}\`, room, 1);\n  const [id] = await tx${rest}`));
  await run();
  await term.waitFor(/│ B heard \{"id":"\d+-\d+","user":"carol","text":"hi"\}\n[\s\S]*?Done!\n/, 20_000);
  await leaveAt(term, 18);
}, 90_000);
