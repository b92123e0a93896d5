import { expect, test } from 'vitest';
import { at, atPause, hint, leaveAt, lines, phrase, predictWrongly, typed, useLessonServer } from '../helpers/lesson-tty.js';
import { escapeRegExp } from '../helpers/tty.js';

/**
 * The pub/sub lesson's pitfalls played by hand, as a learner meets them: its predicts answered wrongly
 * (a PUBLISH nobody hears, a late subscriber, a GET on a subscribed connection), and its three try steps,
 * each with a wrong attempt and its feedback, a hint, and the right answer: a PUBLISH the tutor's
 * listening helper B must receive, a pattern subscription typed on B itself (`connection: B`) with
 * the publish typed as `A> PUBLISH ...`, and B leaving one room of two, judged on `A> PUBSUB NUMSUB`.
 * Through the real bin in a real terminal against a real
 * redis-server the tutor did not start (so channels are isolated per session, and shown as written).
 * Assertions key on step ids, commands, replies and short phrases, not on whole paragraphs.
 */

const tty = useLessonServer('pubsub');

/** What helper B prints when a message reaches it: `(B) 1) "message"` and the further lines under it. */
const onB = (...rows: string[]) => `${rows.map((l, i) => escapeRegExp(i === 0 ? `(B) ${l}` : `    ${l}`)).join('\\n')}\\n`;

/** SUBSCRIBE's (or PSUBSCRIBE's) own reply: the kind, the channel, how many this connection listens to. */
const subscribed = (kind: string, channel: string, count: number) => [`1) "${kind}"`, `2) "${channel}"`, `3) (integer) ${count}`];

test('nobody-listens (predict answered "kept until someone subscribes": not quite, 0); B subscribes and receives; publish-to-b: the wrong channel is told, hint, then the PUBLISH B hears passes', async () => {
  const term = tty.lesson('pubsub', 'nobody-listens');
  await predictWrongly(term, {
    question: 'Nobody is subscribed to room:1. What does PUBLISH room:1 hi answer?',
    downs: 1,
    wrong: '(integer) 1: Redis keeps it',
    replies: [at(tty.prompt, 'PUBLISH room:1 hi', '(integer) 0'), at(tty.prompt, 'EXISTS room:1', '(integer) 0')],
    answer: '(integer) 0: nobody received it, and the message is gone',
    explains: 'how many connections received',
  });

  // sub-shown: B subscribes, A publishes, and B prints the message as it arrives.
  await term.waitFor(new RegExp(at(tty.promptB, 'SUBSCRIBE room:1', ...subscribed('subscribe', 'room:1', 1)) + at(tty.prompt, 'PUBLISH room:1 hi', '(integer) 1') + onB('1) "message"', '2) "room:1"', '3) "hi"')));
  await atPause(term);

  // publish-to-b: B listens on room:2 (the step's setup); a PUBLISH on room:1 reaches nobody.
  await typed(term, tty.prompt, 'PUBLISH room:1 "hello room2"', `${lines('(integer) 0')}Not yet: ${phrase('B has not received "hello room2" on room:2 yet')}`);
  await hint(term, tty.prompt, 1, 2, 'PUBLISH takes the channel, then the message.');
  await typed(term, tty.prompt, 'PUBLISH room:2 "hello room2"', `${lines('(integer) 1')}${onB('1) "message"', '2) "room:2"', '3) "hello room2"')}Done!\\n`);
  await leaveAt(term, 5, 12);
}, 30_000);

test('late-subscriber (predict answered "both": not quite, only "anyone?", and B never prints the first); subscribed-mode (predict answered "alice": not quite, the 7.0 error)', async () => {
  const term = tty.lesson('pubsub', 'late-subscriber');
  await predictWrongly(term, {
    question: "Which of alice's messages does B receive?",
    downs: 0,
    wrong: 'Both, in order',
    replies: [
      at(tty.prompt, 'PUBLISH room:3 "are you there?"', '(integer) 0'),
      at(tty.promptB, 'SUBSCRIBE room:3', ...subscribed('subscribe', 'room:3', 1)),
      at(tty.prompt, 'PUBLISH room:3 "anyone?"', '(integer) 1'),
      onB('1) "message"', '2) "room:3"', '3) "anyone?"'),
    ],
    answer: 'Only "anyone?": "are you there?" reached nobody, and is gone',
    explains: 'at most once',
  });
  expect(term.history()).not.toMatch(/\(B\)[^\n]*\n[^\n]*\n\s+3\) "are you there\?"/);

  await predictWrongly(term, {
    question: "What does B's GET user:1:name answer?",
    downs: 0,
    wrong: '"alice"',
    replies: [
      at(tty.promptB, 'SUBSCRIBE room:1', ...subscribed('subscribe', 'room:1', 1)),
      // The whole error is wider than the terminal: its start, on the first line, is enough.
      `${at(tty.promptB, 'GET user:1:name')}${escapeRegExp("(error) ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE")}[\\s\\S]*?`,
    ],
    answer: "(error) ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context",
    explains: 'client.duplicate()',
  });
  await leaveAt(term, 7, 12);
}, 30_000);

test('psubscribe, typed on B: SUBSCRIBE room:* hears nothing of room:7 and is told, PUBLISH on B is refused while it listens, hint, then PSUBSCRIBE room:* and A> PUBLISH room:7 hi pass', async () => {
  const term = tty.lesson('pubsub', 'psubscribe');
  await typed(term, tty.promptB, 'SUBSCRIBE room:*', lines(...subscribed('subscribe', 'room:*', 1)));
  // A channel literally named "room:*" is not room:7: the PUBLISH reaches nobody.
  await typed(term, tty.promptB, 'A> PUBLISH room:7 hi', `${lines('(integer) 0')}Not yet: ${phrase('B should receive room:7')}[\\s\\S]*?${phrase('through one pattern for every room')}`);
  await typed(term, tty.promptB, 'PUBLISH room:7 hi', `${phrase("(error) ERR Can't execute 'publish'")}[\\s\\S]*?${phrase('B itself cannot publish while it listens')}`);
  await hint(term, tty.promptB, 1, 2, 'PSUBSCRIBE subscribes to a pattern');
  await typed(term, tty.promptB, 'PSUBSCRIBE room:*', lines(...subscribed('psubscribe', 'room:*', 2)));
  await typed(term, tty.promptB, 'A> PUBLISH room:7 hi', `${lines('(integer) 1')}${onB('1) "pmessage"', '2) "room:*"', '3) "room:7"', '4) "hi"')}Done!\\n`);
  await leaveAt(term, 8, 12);
}, 30_000);

test('leave-room, typed on B: UNSUBSCRIBE with no channel leaves room:1 too, and A> PUBSUB NUMSUB counts 0 on both and is told; hint, retry, then UNSUBSCRIBE room:2 keeps room:1 and A> PUBSUB NUMSUB room:1 room:2 passes', async () => {
  const term = tty.lesson('pubsub', 'leave-room');
  // Both channels are left, in the server's order: one as UNSUBSCRIBE's reply, the other as a second push.
  const left = (count: number) => [`1\\) "unsubscribe"`, `2\\) "room:[12]"`, `3\\) \\(integer\\) ${count}`];
  await typed(term, tty.promptB, 'UNSUBSCRIBE', `${left(1).join('\\n')}\\n\\(B\\) ${left(0).join('\\n\\s+')}\\n`);
  const aim = phrase('A> PUBSUB NUMSUB room:1 room:2 should count 1 on room:1 and 0 on room:2');
  await typed(term, tty.promptB, 'A> PUBSUB NUMSUB room:1 room:2', `${lines('1) "room:1"', '2) (integer) 0', '3) "room:2"', '4) (integer) 0')}Not yet: ${aim}[\\s\\S]*?${phrase('UNSUBSCRIBE with no channel leaves every channel')}`);
  await hint(term, tty.promptB, 1, 2, 'UNSUBSCRIBE takes the channels to leave');
  await typed(term, tty.promptB, 'retry', 'Starting this step again');
  // B listens to both again: UNSUBSCRIBE room:2 says one channel is left.
  await typed(term, tty.promptB, 'UNSUBSCRIBE room:2', lines('1) "unsubscribe"', '2) "room:2"', '3) (integer) 1'));
  await typed(term, tty.promptB, 'A> PUBSUB NUMSUB room:1 room:2', `${lines('1) "room:1"', '2) (integer) 1', '3) "room:2"', '4) (integer) 0')}Done!\\n`);
  await leaveAt(term, 11, 12);
}, 30_000);
