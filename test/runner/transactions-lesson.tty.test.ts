import { expect, test } from 'vitest';
import { at, hint, interrupt, leave, phrase, predictWrongly, retry, typeAll, useLessonServer } from '../helpers/lesson-tty.js';
import { typeAtPrompt } from '../helpers/tty.js';

/**
 * The pitfalls of lesson 11, transactions, played by hand as a learner meets them, through the real bin in
 * a real terminal against a real redis-server (7.0, as the lesson states its replies): no rollback inside
 * EXEC, EXECABORT for an unknown command, an option error found only at EXEC, a message sent outside its
 * transaction, WATCH aborted by another client, the retry loop under another server's real write (R19), the
 * read typed before its WATCH (the other server's write in between goes unseen, and dave takes a seat that is
 * gone) and the retry that finds no seat left and ends with UNWATCH, and WATCH aborted by an expiry. Each test resumes at its first predict. Assertions key on step ids, commands,
 * replies and short phrases, not on whole paragraphs, so the lesson's wording can improve without breaking them.
 */

const tty = useLessonServer('transactions');

/** The prompt (helper B's for `onB`), a command typed at it, and its reply lines as redis-cli prints them. */
const exchange = (command: string, ...reply: string[]) => at(tty.prompt, command, ...reply);
const onB = (command: string, ...reply: string[]) => `B ${exchange(command, ...reply)}`;

test('transactions: no rollback inside EXEC (answered "rolled back": not quite), EXECABORT on INCRR (answered "an array"), SET ... EX without its seconds fails only inside EXEC (answered "at once"); send-atomically: an RPUSH outside the transaction is told, hint, retry, then the three commands in MULTI ... EXEC pass', async () => {
  const term = tty.lesson('transactions', 'no-rollback');
  await predictWrongly(term, {
    question: 'INCR cannot count "41.0". What does EXEC answer?',
    wrong: 'An error: the transaction failed, and the RPUSH was rolled back',
    replies: [
      exchange('MULTI', 'OK'),
      exchange('RPUSH room:1:messages 8', 'QUEUED'),
      exchange('INCR stats:sent', 'QUEUED'),
      exchange('HINCRBY unread:bob room1 1', 'QUEUED'),
      exchange('EXEC', '1) (integer) 1', '2) (error) ERR value is not an integer or out of range', '3) (integer) 4'),
      exchange('LRANGE room:1:messages 0 -1', '1) "8"'),
    ],
    answer: 'An array: 1, then the error, then 4; the other two ran',
    explains: 'Redis transactions have no rollback',
  });

  await predictWrongly(term, {
    question: 'Redis does not know INCRR. What does EXEC answer?',
    wrong: 'An array: 1 for the RPUSH, then an error for INCRR',
    replies: [
      exchange('MULTI', 'OK'),
      exchange('RPUSH room:1:messages 9', 'QUEUED'),
      exchange('INCRR stats:sent', "(error) ERR unknown command 'INCRR', with args beginning with: 'stats:sent' "),
      exchange('EXEC', '(error) EXECABORT Transaction discarded because of previous errors.'),
      exchange('LLEN room:1:messages', '(integer) 0'),
    ],
    answer: 'EXECABORT: nothing ran, not even the RPUSH',
    explains: 'Errors found while queuing, like these, cancel the transaction',
  });

  await predictWrongly(term, {
    question: 'What do the SET and the EXEC answer?',
    wrong: 'An error at once, then EXECABORT, as with INCRR',
    replies: [
      exchange('MULTI', 'OK'),
      exchange('RPUSH room:1:messages 10', 'QUEUED'),
      exchange('SET typing:room1:bob 1 EX', 'QUEUED'),
      exchange('EXEC', '1) (integer) 1', '2) (error) ERR syntax error'),
    ],
    answer: 'QUEUED; then EXEC runs the RPUSH and answers the syntax error in its array',
    explains: 'SET\'s options are read when it runs',
  });

  // send-atomically: the message pushed on its own, outside any transaction.
  await typeAtPrompt(term, 'RPUSH room:2:messages 12');
  await term.waitFor(new RegExp(`${exchange('RPUSH room:2:messages 12', '(integer) 1')}Not yet: [\\s\\S]*?${phrase('Send all three inside one transaction')}`));
  await hint(term, tty.prompt, 1, 2, 'then RPUSH, HINCRBY and INCR, then EXEC');
  await retry(term);
  await typeAll(term, tty.prompt, ['MULTI', 'RPUSH room:2:messages 12', 'HINCRBY unread:bob room2 1', 'INCR stats:sent']);
  // Inside the transaction each command only joins the queue, and the tutor's own work does not join it.
  await typeAtPrompt(term, 'EXEC');
  await term.waitFor(new RegExp(`${exchange('EXEC', '1) (integer) 1', '2) (integer) 5', '3) (integer) 42')}Done!\\n`));
  expect(term.history()).toMatch(new RegExp(exchange('INCR stats:sent', 'QUEUED')));
  await leave(term);
}, 60_000);

test('transactions: WATCH aborts when B writes the key (answered "bob is in, -1 seats": not quite, (nil)); cas-retry: another server takes a seat after the WATCH, EXEC answers (nil) and is told, hint, the retry passes; no-seat-left: GET before WATCH lets EXEC seat dave at -1 seats and is told, hint, retry, then WATCH, GET, a (nil), WATCH, GET "0" and UNWATCH pass; watch-ttl: an expiring watched key aborts too (answered "WATCH only notices writes")', async () => {
  const term = tty.lesson('transactions', 'watch-abort');
  await predictWrongly(term, {
    question: "What does A's EXEC answer?",
    wrong: '(integer) -1 and (integer) 1: bob is in, and the room has -1 seats',
    replies: [
      exchange('WATCH seats:room1', 'OK'),
      exchange('GET seats:room1', '"1"'),
      onB('DECR seats:room1', '(integer) 0'),
      exchange('MULTI', 'OK'),
      exchange('DECR seats:room1', 'QUEUED'),
      exchange('SADD room:1:members bob', 'QUEUED'),
      exchange('EXEC', '(nil)'),
      exchange('GET seats:room1', '"0"'),
    ],
    answer: '(nil): the transaction did not run at all',
    explains: 'EXEC ran nothing',
  });

  // cas-retry: the other server's write comes right after the learner's first WATCH, for real.
  const attempt = ['WATCH seats:room1', 'GET seats:room1', 'MULTI', 'DECR seats:room1', 'SADD room:1:members bob', 'EXEC'];
  await typeAll(term, tty.prompt, attempt.slice(0, 1));
  // Told as another client's write, with what B's Redis answered.
  const interfered = /\(meanwhile[^\n]*\bB\b[^\n]*DECR seats:room1`?\)\n\(B\) \(integer\) 1\n/g;
  await term.waitFor(interfered);
  await typeAll(term, tty.prompt, attempt.slice(1));
  await term.waitFor(new RegExp(`${exchange('GET seats:room1', '"1"')}`));
  await term.waitFor(new RegExp(`${exchange('EXEC', '(nil)')}Not yet: [\\s\\S]*?${phrase('An EXEC that answered (nil) ran nothing')}`));
  await hint(term, tty.prompt, 1, 2, 'WATCH seats:room1');
  await hint(term, tty.prompt, 2, 2, 'Type the same six commands again');
  await typeAll(term, tty.prompt, attempt.slice(0, 5));
  // The interference came once only: the second WATCH holds.
  expect(term.history().match(interfered)).toHaveLength(1);
  await typeAtPrompt(term, 'EXEC');
  await term.waitFor(new RegExp(`${exchange('EXEC', '1) (integer) 0', '2) (integer) 1')}Done!\\n`));

  // no-seat-left: the other server seats erin right after the learner's first GET. Read before the WATCH,
  // that write goes unseen: EXEC goes through, and dave takes a seat that is gone.
  const erin = /\(meanwhile[^\n]*\bB\b[^\n]*SADD room:1:members erin`?\)\n\(B\) \(integer\) 1\n/g;
  await typeAll(term, tty.prompt, ['GET seats:room1']);
  await term.waitFor(erin);
  await typeAll(term, tty.prompt, ['WATCH seats:room1', 'MULTI', 'DECR seats:room1', 'SADD room:1:members dave']);
  await typeAtPrompt(term, 'EXEC');
  await term.waitFor(new RegExp(`${exchange('EXEC', '1) (integer) -1', '2) (integer) 1')}Not yet: [\\s\\S]*?${phrase('WATCH before you read: then EXEC answers (nil) when the count changes')}`));
  await hint(term, tty.prompt, 1, 2, 'WATCH seats:room1, then GET seats:room1.');
  await retry(term);
  // WATCH first: the other server's write (again, after the first GET since the retry) makes EXEC answer (nil).
  await typeAll(term, tty.prompt, ['WATCH seats:room1', 'GET seats:room1']);
  await term.waitFor(/Starting this step again[\s\S]*SADD room:1:members erin/);
  await typeAll(term, tty.prompt, ['MULTI', 'DECR seats:room1', 'SADD room:1:members dave', 'EXEC']);
  await term.waitFor(new RegExp(`Starting this step again[\\s\\S]*${exchange('EXEC', '(nil)')}Not yet: ${phrase('Go on to MULTI only while the count you read is above 0. When EXEC answers (nil), WATCH and read again; once no seat is left, seat nobody and send UNWATCH.')}`));
  // Read again under a new WATCH: no seat left, so no transaction, and the watch released.
  await typeAll(term, tty.prompt, ['WATCH seats:room1', 'GET seats:room1']);
  await typeAtPrompt(term, 'UNWATCH');
  await term.waitFor(new RegExp(`${exchange('GET seats:room1', '"0"')}${exchange('UNWATCH', 'OK')}Done!\\n`));
  expect(term.history()).not.toMatch(new RegExp(exchange('EXEC', '1) (integer) -1', '2) (integer) 1') + 'Done!'));

  // watch-ttl: half a second really passes on this server.
  await predictWrongly(term, {
    question: 'Nobody wrote session:bob, it only expired. What does EXEC answer?',
    wrong: '1) (integer) 1: WATCH only notices writes',
    replies: [
      exchange('WATCH session:bob', 'OK'),
      `\\(500 ms later\\)\\n`,
      exchange('MULTI', 'OK'),
      exchange('RPUSH room:1:messages 11', 'QUEUED'),
      exchange('EXEC', '(nil)'),
      exchange('EXISTS room:1:messages', '(integer) 0'),
    ],
    answer: '(nil): the watched key expired, and that counts as a change',
    explains: 'An expired watched key aborts the transaction too',
  });
  // The quiz comes next; leave there.
  await term.onScreen(/Seat a user only if seats:room1 > 0[\s\S]*❯/);
  await interrupt(term);
}, 60_000);
