import { expect, test } from 'vitest';
import { at, atPause, hint, leave, phrase, predictWrongly, retry, useLessonServer } from '../helpers/lesson-tty.js';
import { escapeRegExp, TRY_PROMPT, typeAtPrompt } from '../helpers/tty.js';

/**
 * One pitfall of each data-type lesson (expiry, counters, hashes, sets, sorted-sets), played by hand as a learner
 * meets it: the predict that sets the trap, answered wrongly, with its verdict and explanation; then the
 * try step that follows, with a wrong attempt and its feedback, a hint, and the right answer. Through the
 * real bin in a real terminal against a real redis-server; each test resumes at the pitfall's predict.
 * Assertions key on step ids, commands, replies and short phrases, not on whole paragraphs, so a lesson's
 * wording can improve without breaking them.
 */

const tty = useLessonServer('data-type');
const { lesson } = tty;

/** The prompt, a command typed at it, and its reply lines, as redis-cli prints them. */
const exchange = (command: string, ...reply: string[]) => at(tty.prompt, command, ...reply);

test('expiry: SET drops a TTL (predict answered 1800: not quite, -1); keep-the-TTL: a plain SET leaves no expiry, hint, retry, SET ... KEEPTTL passes', async () => {
  const term = lesson('expiry', 'set-drops-ttl');
  await predictWrongly(term, {
    question: 'What does the last TTL session:alice answer?',
    downs: 0,
    wrong: '(integer) 1800',
    replies: [
      exchange('SET session:alice token1 EX 1800', 'OK'),
      exchange('TTL session:alice', '(integer) 1800'),
      exchange('SET session:alice token2', 'OK'),
      exchange('TTL session:alice', '(integer) -1'),
    ],
    answer: '(integer) -1',
    explains: 'throws the TTL away',
  });

  // keep-the-TTL: session:bob holds token1 with 30 minutes to live.
  await typeAtPrompt(term, 'TTL session:bob');
  await term.waitFor(new RegExp(`${escapeRegExp(tty.prompt)}TTL session:bob\\n\\(integer\\) 1[78]\\d\\d\\n`));
  await typeAtPrompt(term, 'SET session:bob token2');
  await term.waitFor(new RegExp(`${exchange('SET session:bob token2', 'OK')}Not yet: [^\\n]*session:bob[^\\n]* it has no expiry\\.\\n`));
  await hint(term, tty.prompt, 1, 2, 'SET');
  // The plain SET threw the TTL away, and KEEPTTL would keep "none": the step's data goes back first.
  await retry(term);
  await typeAtPrompt(term, 'SET session:bob token2 KEEPTTL');
  await term.waitFor(new RegExp(`${exchange('SET session:bob token2 KEEPTTL', 'OK')}Done!\\n`));
  await leave(term);
}, 30_000);

test('hashes: HSET counts only new fields (predict answered 2: not quite, 0); profile: HSET with one field is told lang is missing, hint, then the one HSET passes', async () => {
  const term = lesson('hashes', 'hset-counts-new');
  await predictWrongly(term, {
    question: 'What does this HSET answer?',
    downs: 0,
    wrong: '(integer) 2: it wrote two fields',
    replies: [exchange('HSET user:1 name Grace city Busan', '(integer) 0'), exchange('HGET user:1 city', '"Busan"')],
    answer: '(integer) 0',
    explains: 'updates count 0',
  });

  await typeAtPrompt(term, 'HSET user:2 name Grace');
  await term.waitFor(new RegExp(`${exchange('HSET user:2 name Grace', '(integer) 1')}Not yet: ${phrase('Field lang of user:2 should be "en"; there is no such field. Your last command should be HSET')}`));
  await hint(term, tty.prompt, 1, 2, 'One HSET can take many pairs');
  await typeAtPrompt(term, 'HSET user:2 name Grace lang en');
  // name was there already from the wrong attempt: this HSET adds one new field.
  await term.waitFor(new RegExp(`${exchange('HSET user:2 name Grace lang en', '(integer) 1')}Done!\\n`));
  await leave(term);
}, 30_000);

test('sets: SADD counts only new members (predict answered 2: not quite, 1); join-room: RPUSH on the set is WRONGTYPE and told, hint, then SADD of both passes', async () => {
  const term = lesson('sets', 'sadd-duplicate');
  await predictWrongly(term, {
    question: 'What does SADD room:1:members alice carol answer?',
    downs: 0,
    wrong: '(integer) 2, one for each name given',
    replies: [exchange('SADD room:1:members alice carol', '(integer) 1'), exchange('SCARD room:1:members', '(integer) 3')],
    answer: '(integer) 1: alice was already a member',
    explains: 'counts only the members that were new',
  });

  await typeAtPrompt(term, 'RPUSH room:1:members dave erin');
  await term.waitFor(
    new RegExp(
      `${exchange('RPUSH room:1:members dave erin', '(error) WRONGTYPE Operation against a key holding the wrong kind of value')}` +
        `Not yet: ${phrase('room:1:members should be the set ["alice", "bob", "carol", "dave", "erin"] (any order); it is')}` +
        // The refused RPUSH wrote nothing: the set still holds its three members, in whatever order it keeps them.
        `\\s+\\["\\w+",\\s+"\\w+",\\s+"\\w+"\\]\\.\\n`,
    ),
  );
  await hint(term, tty.prompt, 1, 2, 'SADD takes the key, then any number of members.');
  await typeAtPrompt(term, 'SADD room:1:members dave erin');
  await term.waitFor(new RegExp(`${exchange('SADD room:1:members dave erin', '(integer) 2')}Done!\\n`));
  await leave(term);
}, 30_000);

test('sorted-sets: ZRANGE starts from the lowest score (predict answered alice: not quite, dave); top3: without REV the reply starts at dave and is told, hint, then REV WITHSCORES passes', async () => {
  const term = lesson('sorted-sets', 'lowest-first');
  await predictWrongly(term, {
    question: 'Who is at position 0, the first member ZRANGE answers?',
    downs: 1,
    wrong: 'alice: she was added first',
    replies: [
      exchange('ZRANGE leaderboard:messages 0 0', '1) "dave"'),
      exchange('ZRANGE leaderboard:messages 0 -1 WITHSCORES', '1) "dave"', '2) "3"', '3) "bob"', '4) "7"', '5) "alice"', '6) "12"', '7) "carol"', '8) "30"'),
    ],
    answer: 'dave: he has the lowest score',
    explains: 'reads from the lowest score up',
  });

  await typeAtPrompt(term, 'ZRANGE leaderboard:messages 0 2 WITHSCORES');
  await term.waitFor(
    new RegExp(`${exchange('ZRANGE leaderboard:messages 0 2 WITHSCORES', '1) "dave"', '2) "3"', '3) "bob"', '4) "7"', '5) "alice"', '6) "12"')}Not yet: The last reply should be ${phrase('1) "carol" 2) "30"')}[\\s\\S]*?${phrase('it was 1) "dave"')}`),
  );
  await hint(term, tty.prompt, 1, 3, 'REV makes ZRANGE read from the highest score down');
  await typeAtPrompt(term, 'ZRANGE leaderboard:messages 0 2 REV WITHSCORES');
  await term.waitFor(
    new RegExp(`${exchange('ZRANGE leaderboard:messages 0 2 REV WITHSCORES', '1) "carol"', '2) "30"', '3) "alice"', '4) "12"', '5) "bob"', '6) "7"')}Done!\\n`),
  );
  await leave(term);
}, 30_000);

test('counters: the lost update in lock-step (predict answered "7": not quite, "6"), the live race, then atomic-unread: SET is refused as the way, hint, retry, INCR passes', async () => {
  const term = lesson('counters', 'lost-update-predict');
  const b = `B ${tty.prompt}`;
  await predictWrongly(term, {
    question: 'Two messages arrived. What does the last GET unread:bob answer?',
    downs: 0,
    wrong: '"7": each server added one',
    replies: [
      exchange('GET unread:bob', '"5"'),
      at(b, 'GET unread:bob', '"5"'),
      exchange('SET unread:bob 6', 'OK'),
      at(b, 'SET unread:bob 6', 'OK'),
      exchange('GET unread:bob', '"6"'),
    ],
    answer: '"6": one message was never counted',
    explains: 'one increment is lost',
  });

  // The live race: four clients at once, told in one line (the number it ends at depends on timing).
  await term.waitFor(/\(4 clients at once, each running GET unread:bob \| SET unread:bob \{n\+1\}\s+1000\s+times: done in \d+\.\d s\)/, 20_000);
  await atPause(term, '', 20_000);

  await typeAtPrompt(term, 'SET unread:bob:room1 6');
  await term.waitFor(new RegExp(`${exchange('SET unread:bob:room1 6', 'OK')}Not yet: ${phrase('This step is about INCR or INCRBY')}[\\s\\S]*?${phrase('without SET')}`));
  await hint(term, tty.prompt, 1, 2, 'reads, adds and writes');
  await retry(term);
  await typeAtPrompt(term, 'INCR unread:bob:room1');
  await term.waitFor(new RegExp(`${exchange('INCR unread:bob:room1', '(integer) 6')}Done!`));
  await leave(term);
}, 60_000);

test('keyspace: KEYS stalls a PINGing client (predict answered "nothing": not quite), SCAN does not; an empty first page (predict answered "cursor 0": not quite); scan-loop: one page is told to go on, hint, then the cursor followed by hand to "0" passes', async () => {
  const term = lesson('keyspace', 'keys-blocks');
  // The probe's figures are measured live: only their shape is asserted, never a number of ms.
  const probed = (command: string, rest: string) => new RegExp(`\\(${escapeRegExp(command)}${rest}\\s+Meanwhile\\s+another\\s+connection\\s+sent\\s+PING\\s+every\\s+5\\s+ms:\\s+the\\s+slowest\\s+PONG\\s+took\\s+[\\d.]+\\s+ms\\s+\\(median\\s+[\\d.]+\\s+ms,\\s+\\d+\\s+PINGs\\)\\.\\)`);
  await term.waitFor(/SET msg:\{i\} hello, 100,000 times|KEYS user:\*\s+\(meanwhile, another connection sends PING every 5 ms\)/, 20_000);
  await predictWrongly(term, {
    question: "What happens to the other client's PINGs while KEYS runs?",
    downs: 0,
    wrong: 'Nothing: KEYS works in the background',
    replies: [probed('KEYS user:*', ' took [\\d.]+ ms and answered 3 items \\(not shown\\)\\.').source + '\\n'],
    answer: 'They wait: Redis runs one command at a time, so a PING that arrives during KEYS is answered after it',
    explains: 'every other client waited meanwhile',
  });

  // scan-flat: the same search a page at a time, the cursor followed to 0 by the tutor.
  await term.waitFor(probed('SCAN 0 MATCH user:* COUNT 1000', ',\\s+followed\\s+to\\s+cursor\\s+0:\\s+\\d+\\s+calls,\\s+3\\s+items,\\s+[\\d.]+\\s+ms\\s+in\\s+all\\.'), 20_000);
  await atPause(term, '', 20_000);

  // scan-empty-page: one call looks at about 10 of 100,003 keys.
  await predictWrongly(term, {
    question: 'There are 3 user:* keys among 100,003. What does SCAN 0 MATCH user:* answer?',
    downs: 0,
    wrong: 'Cursor "0"',
    replies: [`${escapeRegExp(`${tty.prompt}SCAN 0 MATCH user:*`)}\\n1\\) "[1-9]\\d*"\\n2\\) [^\\n]*\\n`],
    answer: 'A cursor other than 0 and, almost surely, an empty page',
    explains: 'the walk is not over',
  });

  // scan-loop: one page is not the walk.
  await typeAtPrompt(term, 'SCAN 0 MATCH user:* COUNT 1000');
  await term.waitFor(new RegExp(`${escapeRegExp(`${tty.prompt}SCAN 0 MATCH user:* COUNT 1000`)}\\n1\\) "[1-9]\\d*"\\n[\\s\\S]*?Not yet: [\\s\\S]*?${phrase('The walk is over only when SCAN answers cursor "0"')}`));
  await hint(term, tty.prompt, 1, 2, 'The first line of the reply is the next cursor.');
  // Then as a learner does it: read the cursor off the screen, type it back, until SCAN answers "0".
  for (let calls = 1; calls < 40; calls++) {
    const screen = await term.onScreen(TRY_PROMPT);
    const cursor = [...screen.matchAll(/^1\) "(\d+)"$/gm)].at(-1)![1]!;
    if (cursor === '0') break;
    await typeAtPrompt(term, `SCAN ${cursor} MATCH user:* COUNT 1000`);
    // A page that changes nothing in the data is not judged aloud again: the prompt simply comes back.
    await term.waitFor(new RegExp(`${escapeRegExp(`${tty.prompt}SCAN ${cursor} MATCH user:* COUNT 1000`)}\\n1\\) "\\d+"\\n`));
    if (new RegExp(`SCAN ${cursor} MATCH user:\\* COUNT 1000\\n1\\) "0"\\n`).test(term.history())) break;
  }
  // The last page answered cursor "0", and every user had been on some page.
  await term.waitFor(new RegExp(`1\\) "0"\\n[\\s\\S]*?Done!\\n`));
  for (const user of ['user:1', 'user:2', 'user:3']) expect(term.history()).toContain(`"${user}"`);
  expect(term.history()).not.toContain('KEYS looks at every key in one go');
  await leave(term);
}, 90_000);
