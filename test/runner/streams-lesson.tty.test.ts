import { expect, test } from 'vitest';
import { at, atPause, hint, leave, phrase, predictWrongly, useLessonServer } from '../helpers/lesson-tty.js';
import { escapeRegExp, typeAtPrompt } from '../helpers/tty.js';

/**
 * The streams lesson's pitfalls, played by hand as a learner meets them, through the real bin in a real
 * terminal against a real redis-server: predicts answered wrongly (`$` without BLOCK, MAXLEN ~, the emptied
 * stream, BUSYGROUP), B's XREAD BLOCK woken by A's XADD, and the try steps that follow, each with a wrong
 * attempt and its feedback, a hint, then the right answer. Each test resumes at its first step. Assertions key
 * on commands, replies and short phrases, so the lesson's wording can improve without breaking them.
 */

const tty = useLessonServer('streams');
const lesson = (step: string) => tty.lesson('streams', step);

/** A command typed at the lesson's prompt and its reply lines, as redis-cli prints them. */
const exchange = (command: string, ...reply: string[]) => at(tty.prompt, command, ...reply);

/** An entry of an XRANGE-shaped reply, indented as it sits in the reply. */
const entry = (n: number, id: string, user: string, text: string, pad = '') =>
  [`${pad}${n}) 1) "${id}"`, `${pad}   2) 1) "user"`, `${pad}      2) "${user}"`, `${pad}      3) "text"`, `${pad}      4) "${text}"`];

test('streams: $ without BLOCK (predict answered "bob\'s hello": not quite, (nil)); B\'s XREAD BLOCK woken by A\'s XADD, labelled (B); catch-up: the inclusive XRANGE is told, hint, XREAD from the last id passes', async () => {
  const term = lesson('dollar-no-block');
  await predictWrongly(term, {
    question: 'What does XREAD STREAMS room:1:log $ answer?',
    wrong: 'bob\'s "hello", the last entry',
    replies: [exchange('XREAD STREAMS room:1:log $', '(nil)')],
    answer: '(nil)',
    explains: 'only what arrives after this call',
  });

  // block-shown: B waits first, then A's XADD wakes it; its late reply comes labelled, with carol's entry.
  await term.waitFor(
    new RegExp(
      `\\nB ${escapeRegExp(`${tty.prompt}XREAD BLOCK 0 STREAMS room:1:log $`)}\\n[\\s\\S]*?${escapeRegExp(`${tty.prompt}XADD room:1:log * user carol text yo`)}\\n"\\d{13}-\\d+"\\n` +
        `\\(B\\) 1\\) 1\\) "room:1:log"\\n {7}2\\) 1\\) 1\\) "\\d{13}-\\d+"\\n {13}2\\) 1\\) "user"\\n {16}2\\) "carol"\\n {16}3\\) "text"\\n {16}4\\) "yo"\\n`,
    ),
  );
  await atPause(term);

  // catch-up: from the id dave saw, XRANGE (both ends inclusive) shows alice's "hi" again.
  await typeAtPrompt(term, 'XRANGE room:1:log 1700000000000-0 +');
  await term.waitFor(
    new RegExp(
      `${exchange('XRANGE room:1:log 1700000000000-0 +', ...entry(1, '1700000000000-0', 'alice', 'hi'), ...entry(2, '1700000000000-1', 'bob', 'hello'), ...entry(3, '1700000000001-0', 'carol', 'yo'))}` +
        `Not yet: ${phrase('dave already has alice\'s "hi" (1700000000000-0): leave it out. XRANGE includes both ends')}`,
    ),
  );
  await hint(term, tty.prompt, 1, 2, 'Ask for what comes after 1700000000000-0');
  await typeAtPrompt(term, 'XREAD STREAMS room:1:log 1700000000000-0');
  await term.waitFor(
    new RegExp(
      `${exchange('XREAD STREAMS room:1:log 1700000000000-0', '1) 1) "room:1:log"', '   2) 1) 1) "1700000000000-1"', ...entry(1, '1700000000000-1', 'bob', 'hello', '      ').slice(1), ...entry(2, '1700000000001-0', 'carol', 'yo', '      '))}Done!\\n`,
    ),
  );
  await leave(term);
}, 45_000);

test('streams: MAXLEN ~ 2 keeps all four (predict answered 2: not quite, 4); an emptied stream stays (predict answered 0: not quite, 1); second-worker: reading with 0 is told, hint, XREADGROUP ... > passes', async () => {
  const term = lesson('maxlen-approx');
  await predictWrongly(term, {
    question: 'What does the first XLEN room:1:log answer, after MAXLEN ~ 2?',
    wrong: '(integer) 2: it kept two',
    replies: [
      exchange('XADD room:1:log MAXLEN ~ 2 1700000000003-0 user dave text bye', '"1700000000003-0"'),
      exchange('XLEN room:1:log', '(integer) 4'),
      exchange('XADD room:1:log MAXLEN 2 1700000000004-0 user dave text "bye for real"', '"1700000000004-0"'),
      exchange('XLEN room:1:log', '(integer) 2'),
    ],
    answer: '(integer) 4: nothing was trimmed',
    explains: 'only ever drops whole nodes',
  });
  await predictWrongly(term, {
    question: 'The stream has no entries left. What does EXISTS room:1:log answer?',
    wrong: '(integer) 0: an empty',
    replies: [
      exchange('XTRIM room:1:log MAXLEN 0', '(integer) 2'),
      exchange('XLEN room:1:log', '(integer) 0'),
      exchange('EXISTS room:1:log', '(integer) 1'),
      exchange('TYPE room:1:log', 'stream'),
      exchange('XADD room:1:log 1-0 user eve text old', '(error) ERR The ID specified in XADD is equal or smaller than the target stream top item'),
    ],
    answer: '(integer) 1: the empty stream stays',
    explains: 'an emptied stream stays',
  });

  // groups-shown: w1 takes two entries; XPENDING sums them up.
  await term.waitFor(new RegExp(exchange('XPENDING room:1:log archiver', '1) (integer) 2', '2) "1700000000000-0"', '3) "1700000000001-0"', '4) 1) 1) "w1"', '      2) "2"')));
  await atPause(term);

  // second-worker: an id instead of > asks for w2's own pending entries, and it has none.
  await typeAtPrompt(term, 'XREADGROUP GROUP archiver w2 STREAMS room:1:log 0');
  await term.waitFor(new RegExp(`${exchange('XREADGROUP GROUP archiver w2 STREAMS room:1:log 0', '1) 1) "room:1:log"', '   2) (empty array)')}Not yet: [\\s\\S]*?${phrase('and w2 has none')}`));
  await hint(term, tty.prompt, 1, 2, "The same command as w1's, as w2");
  await typeAtPrompt(term, 'XREADGROUP GROUP archiver w2 STREAMS room:1:log >');
  await term.waitFor(
    new RegExp(`${exchange('XREADGROUP GROUP archiver w2 STREAMS room:1:log >', '1) 1) "room:1:log"', '   2) 1) 1) "1700000000002-0"', '         2) 1) "user"', '            2) "carol"', '            3) "text"', '            4) "yo"')}Done!\\n`),
  );
  await leave(term);
}, 45_000);

test('streams: a second XGROUP CREATE (predict answered "OK, from the beginning": not quite, BUSYGROUP); group-new-room: without MKSTREAM is refused and told, hint, MKSTREAM passes; ack: XACK with the worker for the group is told, then XACK of both passes', async () => {
  const term = lesson('busygroup');
  await predictWrongly(term, {
    question: 'What does the second XGROUP CREATE room:1:log archiver 0 answer?',
    wrong: 'OK: the group starts again',
    replies: [
      exchange('XGROUP CREATE room:1:log archiver 0', '(error) BUSYGROUP Consumer Group name already exists'),
      exchange('XPENDING room:1:log archiver', '1) (integer) 2', '2) "1700000000000-0"', '3) "1700000000001-0"', '4) 1) 1) "w1"', '      2) "2"'),
    ],
    answer: '(error) BUSYGROUP Consumer Group name already exists',
    explains: 'start-up code expects it',
  });

  await typeAtPrompt(term, 'XGROUP CREATE room:2:log archiver 0');
  await term.waitFor(new RegExp(`${escapeRegExp(`${tty.prompt}XGROUP CREATE room:2:log archiver 0`)}\\n\\(error\\) ERR The XGROUP subcommand requires the key to exist\\.[^\\n]*\\n[\\s\\S]*?Not yet: [^\\n]*room:2:log`));
  await hint(term, tty.prompt, 1, 2, 'XGROUP CREATE refuses a key that does not exist');
  await typeAtPrompt(term, 'XGROUP CREATE room:2:log archiver 0 MKSTREAM');
  await term.waitFor(new RegExp(`${exchange('XGROUP CREATE room:2:log archiver 0 MKSTREAM', 'OK')}Done!\\n`));

  // ack: the worker's name where the group goes acknowledges nothing.
  await typeAtPrompt(term, 'XACK room:1:log w1 1700000000000-0 1700000000001-0');
  await term.waitFor(new RegExp(`${exchange('XACK room:1:log w1 1700000000000-0 1700000000001-0', '(integer) 0')}Not yet: ${phrase('Group archiver of room:1:log should have 0 pending entries')}[\\s\\S]*?it has 2`));
  await typeAtPrompt(term, 'XACK room:1:log archiver 1700000000000-0 1700000000001-0');
  await term.waitFor(new RegExp(`${exchange('XACK room:1:log archiver 1700000000000-0 1700000000001-0', '(integer) 2')}Done!\\n`));
  expect(term.history()).not.toContain('XDEL deletes entries');
  await leave(term);
}, 45_000);
