import { expect, test } from 'vitest';
import { atPause, interrupt, quitAtPause, retry, useLessonServer } from '../helpers/lesson-tty.js';
import { escapeRegExp as escape, PAUSE, TRY_PROMPT, typeAtPrompt } from '../helpers/tty.js';

/**
 * The learner's words and the runner's pauses, through the real bin in a real terminal against a real
 * redis-server. A test that starts mid-lesson writes a progress file that points there, as a learner
 * who left would have: the runner rebuilds that step's starting state, as on any resume.
 */

const tty = useLessonServer('lesson');
const { lesson } = tty;

test('lists: skip after a wrong partial answer rebuilds the step and plays the solution; the next steps find the reference data', async () => {
  const term = lesson('lists');
  await atPause(term);
  await term.waitFor('Save the three messages "hi", "how are you?" and "bye" to the list chat:room1');
  await typeAtPrompt(term, 'RPUSH chat:room1 hi');
  await term.waitFor('Not yet: chat:room1 should be the list ["hi", "how are you?", "bye"]; it is ["hi"].');
  // A key the later steps' setups never touch: only the rebuild can take it away.
  await typeAtPrompt(term, 'RPUSH chat:rom1 hi "how are you?" bye');
  await term.waitFor(/RPUSH chat:rom1 hi "how are you\?" bye\n\(integer\) 3\n/);
  await typeAtPrompt(term, 'skip');
  await term.waitFor('Skipped: the solution was played for you, so the next steps find the data they expect.');

  await term.waitFor(new RegExp(`\\[3/19\\][\\s\\S]*${escape(tty.prompt)}LRANGE chat:room1 0 -1\\n1\\) "hi"\\n2\\) "how are you\\?"\\n3\\) "bye"\\n${escape(tty.prompt)}LLEN chat:room1\\n\\(integer\\) 3\\n`));
  await atPause(term);

  // The inclusive predict, answered right: the two replies its explanation names.
  await term.onScreen(/How many messages does LRANGE chat:room1 0 1 return\?[\s\S]*❯ One: "hi"/);
  term.press('Down');
  await term.onScreen(/❯ Two: "hi" and "how are you\?"/);
  term.press('Enter');
  await term.waitFor(
    new RegExp(`Let's run it:\\n${escape(tty.prompt)}LRANGE chat:room1 0 1\\n1\\) "hi"\\n2\\) "how are you\\?"\\nRight\\.\\nBoth ends of an LRANGE are inclusive: 0 1 is index 0 and index 1, two elements\\.`),
  );

  // The data is the reference data: the stray key went with the rebuild.
  await atPause(term, 'EXISTS chat:rom1');
  await term.waitFor(`${tty.prompt}EXISTS chat:rom1\n(integer) 0\n`);
  await quitAtPause(term);
}, 30_000);

test('lists: skip after a wrong attempt at lpush-order: the next step finds tasks as the solution leaves it, not the attempt', async () => {
  // The steps after push-chat pin chat:room1 with their own setup; nothing after lpush-order touches tasks.
  const term = lesson('lists', 'lpush-order');
  await term.waitFor('Using LPUSH only, make the list tasks read wash, dry, fold');
  await typeAtPrompt(term, 'LPUSH tasks wash dry fold');
  await term.waitFor(/LPUSH tasks wash dry fold\n\(integer\) 3\n/);
  await typeAtPrompt(term, 'skip');
  await term.waitFor('Skipped: the solution was played for you');
  await term.onScreen(/\[8\/19\][\s\S]*What does RPUSH greeting world answer\?[\s\S]*❯/);
  term.press('Enter');
  await atPause(term, 'LRANGE tasks 0 -1');
  await term.onScreen(new RegExp(`${escape(tty.prompt)}LRANGE tasks 0 -1\\n1\\) "wash"\\n2\\) "dry"\\n3\\) "fold"\\n+${PAUSE.source}`));
  await quitAtPause(term);
}, 30_000);

test('strings: retry after a dead end (two single DELs) puts both keys back; then the one right command passes', async () => {
  const term = lesson('strings', 'clean-up');
  await term.waitFor('Continuing at step 8 of 18.');
  await term.waitFor('Clean up the old messages with one command. Delete chat:room1 and chat:room1:3 together.');
  await typeAtPrompt(term, 'DEL chat:room1');
  await term.waitFor(/DEL chat:room1\n\(integer\) 1\nNot yet: chat:room1:3 should be gone; it still exists \(a string\)\./);
  await typeAtPrompt(term, 'DEL chat:room1:3');
  await term.waitFor(/DEL chat:room1:3\n\(integer\) 1\nNot yet: The last reply should be \(integer\) 2; it was \(integer\) 1\./);
  await typeAtPrompt(term, 'EXISTS chat:room1 chat:room1:3');
  await term.waitFor(/> EXISTS chat:room1 chat:room1:3\n\(integer\) 0\n/);

  await retry(term);
  await typeAtPrompt(term, 'EXISTS chat:room1 chat:room1:3');
  await term.waitFor(/> EXISTS chat:room1 chat:room1:3\n\(integer\) 2\n/);
  await typeAtPrompt(term, 'DEL chat:room1 chat:room1:3');
  await term.waitFor(/> DEL chat:room1 chat:room1:3\n\(integer\) 2\nDone!/);
  await term.waitFor('[9/18]');
  await quitAtPause(term);
}, 30_000);

test('lists: solution after a wrong attempt is played on the data as the step found it, with the clean replies', async () => {
  const term = lesson('lists', 'lpush-order');
  await term.waitFor('Using LPUSH only, make the list tasks read wash, dry, fold');
  await typeAtPrompt(term, 'LPUSH tasks wash dry fold');
  await term.waitFor(/LPUSH tasks wash dry fold\n\(integer\) 3\nNot yet: tasks should be the list \["wash", "dry", "fold"\]; it is \["fold", "dry", "wash"\]\./);
  await typeAtPrompt(term, 'solution');
  // On top of the wrong attempt, the same LPUSH would answer (integer) 6.
  await term.waitFor(new RegExp(`The solution, run for you on the data as the step found it:\\n${escape(tty.prompt)}LPUSH tasks fold dry wash\\n\\(integer\\) 3\\n`));
  await term.waitFor('[8/19]');
  await term.onScreen(/What does RPUSH greeting world answer\?[\s\S]*❯/);
  term.press('Down');
  term.press('Enter');
  await atPause(term, 'LRANGE tasks 0 -1');
  await term.onScreen(new RegExp(`${escape(tty.prompt)}LRANGE tasks 0 -1\\n1\\) "wash"\\n2\\) "dry"\\n3\\) "fold"\\n+${PAUSE.source}`));
  await quitAtPause(term);
}, 30_000);

test('lists: BLPOP jobs 0 at a try prompt is refused at once with the reason; BLPOP jobs 1 waits a second and answers (nil)', async () => {
  const term = lesson('lists', 'push-chat');
  await term.waitFor('Save the three messages');
  await term.onScreen(TRY_PROMPT);

  term.type('BLPOP jobs 0');
  let sent = Date.now();
  term.press('Enter');
  const refused = await term.onScreen(/could wait for ever[\s\S]*\[15\]>\s*$/, 5000);
  expect(Date.now() - sent).toBeLessThan(1000);
  // Wrapped at spaces like the tutor's other lines (the terminal's own wrap would split words: "it an|swers").
  expect(refused.replace(/\n/g, ' ')).toContain(
    "(tutor) BLPOP jobs 0 could wait for ever on the lesson's connection, and your prompt would freeze with it. Give it a timeout of at most 10 seconds (for example BLPOP jobs 5): it answers by itself when the time is up.",
  );

  term.type('BLPOP jobs 1');
  sent = Date.now();
  term.press('Enter');
  await term.onScreen(/> BLPOP jobs 1\n\(waiting up to 1 s for data \.\.\.\)/, 5000);
  expect(Date.now() - sent).toBeLessThan(800);
  await term.onScreen(/> BLPOP jobs 1\n\(waiting up to 1 s for data \.\.\.\)\n\(nil\)\n[\s\S]*\[15\]>\s*$/, 5000);
  const answered = Date.now() - sent;
  expect(answered).toBeGreaterThanOrEqual(900);
  expect(answered).toBeLessThan(3000);

  await typeAtPrompt(term, 'quit');
  expect(await term.waitForExit()).toBe(0);
}, 30_000);

test('intro: a Redis command typed at "Press Enter to go on" runs and shows its reply; the pause comes again, then Enter goes on', async () => {
  const term = lesson('intro', 'first-key');
  await term.waitFor('put the value hello under the key greeting');
  await typeAtPrompt(term, 'SET greeting hello');
  await term.waitFor(/> SET greeting hello\nOK\nDone!/);
  await term.onScreen(/What do the two commands answer\?[\s\S]*❯/);
  term.press('Down');
  term.press('Enter');
  await term.waitFor('Try a read of your own before you press Enter');

  await atPause(term, 'GET greeting');
  await term.waitFor(`${tty.prompt}GET greeting\n"hello"\n`);
  const again = await term.onScreen(new RegExp(`${escape(tty.prompt)}GET greeting\\n"hello"\\n+${PAUSE.source}`));
  expect(again).not.toContain('[8/9]');
  term.press('Enter');
  await term.waitFor(/\[8\/9\]\n[\s\S]*Redis keeps greeting in memory/);
  await interrupt(term);
}, 30_000);

test('intro: a predict answered wrongly gets no ✔ on its answered line, only the verdict below it', async () => {
  const term = lesson('intro', 'case-predict');
  await term.onScreen(/What do the two commands answer\?[\s\S]*❯ "hello" both times/);
  term.press('Enter');
  const screen = await term.waitFor('Not quite: the answer is (nil), then "hello".');
  expect(screen).toMatch(/\n› What do the two commands answer\? "hello" both times: Redis ignores upper and lower case\n/);
  expect(screen).not.toContain('✔');
  await interrupt(term);
}, 30_000);

test('intro to the end: "Commands you used" leaves out a typo command (PONG) that Redis did not know', async () => {
  const term = lesson('intro', 'ping-yourself');
  await term.waitFor('Your turn: type PING and press Enter.');
  await typeAtPrompt(term, 'PONG');
  await term.waitFor("(error) ERR unknown command 'PONG'");
  await typeAtPrompt(term, 'PING');
  await term.waitFor(/> PING\nPONG\nDone!/);
  // At a pause (after tutor-words) too: the typo does not count, a real command does.
  await atPause(term, 'PONG');
  await term.waitFor(/> PONG\n\(error\) ERR unknown command 'PONG'[\s\S]*> PONG\n\(error\) ERR unknown command 'PONG'/);
  await atPause(term, 'TYPE greeting');
  await term.waitFor(/> TYPE greeting\nnone\n/);
  await atPause(term);
  await term.waitFor('Make Redis say hello redis');
  await typeAtPrompt(term, 'solution'); // echo
  await term.waitFor('put the value hello under the key greeting');
  await typeAtPrompt(term, 'solution'); // first-key
  await term.onScreen(/What do the two commands answer\?[\s\S]*❯/);
  term.press('Enter');
  await atPause(term); // case-predict
  await term.onScreen(/Redis keeps greeting in memory[\s\S]*❯/);
  term.press('Enter');
  await atPause(term); // restart-quiz
  await term.waitFor('That is the tutor.');
  await atPause(term); // done
  await term.waitFor('Lesson complete: What Redis is, and how this tutor works');
  expect(await term.waitForExit()).toBe(0);
  // The solutions the tutor ran (ECHO, SET) are not the learner's either.
  expect(term.history().match(/^Commands you used: .*$/m)?.[0]).toBe('Commands you used: PING, TYPE');
}, 30_000);

test("lists' worker step: B's BLPOP waits, the RPUSH wakes it, and B's late reply is printed labelled (B)", async () => {
  const term = lesson('lists', 'blpop-shown');
  const screen = await term.waitFor(
    new RegExp(
      `\\[15/19\\][\\s\\S]*\\nB ${escape(tty.prompt)}BLPOP jobs 0\\n${escape(tty.prompt)}RPUSH jobs resize-photo\\n\\(integer\\) 1\\n\\(B\\) 1\\) "jobs"\\n    2\\) "resize-photo"\\n`,
    ),
  );
  expect(screen).toContain("B's BLPOP answered as soon as the job arrived");
  // The job went to the worker: the queue is gone.
  await atPause(term, 'EXISTS jobs');
  await term.waitFor(`${tty.prompt}EXISTS jobs\n(integer) 0\n`);
  await quitAtPause(term);
}, 30_000);

test('lists: three lines pasted at once at a try prompt all run, in order, each at its own prompt (none lost)', async () => {
  const term = lesson('lists', 'push-chat');
  await term.waitFor('Save the three messages');
  await term.onScreen(TRY_PROMPT);
  // One write of three lines: the prompt that takes the first must leave the other two to the prompts after it.
  term.paste('RPUSH chat:room1 hi\nRPUSH chat:room1 "how are you?"\nRPUSH chat:room1 bye\n');
  await term.waitFor(
    new RegExp(
      `${escape(`${tty.prompt}RPUSH chat:room1 hi`)}\\n\\(integer\\) 1\\n[\\s\\S]*?${escape(`${tty.prompt}RPUSH chat:room1 "how are you?"`)}\\n\\(integer\\) 2\\n[\\s\\S]*?${escape(`${tty.prompt}RPUSH chat:room1 bye`)}\\n\\(integer\\) 3\\n`,
    ),
    10_000,
  );
  // The three made the list the step asks for: it passes, and the lesson goes on to its next pause.
  await quitAtPause(term);
});
