import { expect, test } from 'vitest';
import { at, atPause, interrupt, phrase, predictWrongly, useLessonServer } from '../helpers/lesson-tty.js';
import { escapeRegExp, type Terminal } from '../helpers/tty.js';

/**
 * The pitfalls of the scaling lesson (lessons/16-scaling.yaml), played by hand through the real bin in a real
 * terminal, on the local cluster the tutor starts for it (the file's redis-server, named by --url, is never
 * touched): a plain connection's MOVED (a predict answered wrongly), the lesson's connection following it as
 * redis-cli -c does, and a MULTI across slots (a predict answered wrongly), then the try step after it: a
 * transaction on untagged keys is redirected half-way and told, a hint, retry, and the tagged transaction
 * passes. Ports are the tutor's choice, so patterns take any port and compare the prompt with the redirect.
 */

const tty = useLessonServer('scaling');
const ID = 'scaling';

/** The lesson's prompt on a node of the local cluster, any port: a pattern. */
const PROMPT = '127\\.0\\.0\\.1:\\d+> ';
/** The prompt waiting, empty, at the bottom of the screen. */
const WAITING = /127\.0\.0\.1:\d+>\s*$/;

/** A command typed at the lesson's prompt (any node) and its reply lines: a pattern. */
const exchange = (command: string, ...reply: string[]) => PROMPT + at('', command, ...reply);

/** `@node <name> <command>` as the lesson shows it (the node's prompt), then `reply`, a pattern of its labelled reply line. */
const onNode = (name: string, command: string, reply: string) => `${escapeRegExp(`${name} `)}${PROMPT}${escapeRegExp(command)}\\n${reply}\\n`;

/** Types a line once the lesson's prompt waits (a rebuilt start on the local cluster takes a few seconds). */
async function typeAtClusterPrompt(t: Terminal, line: string): Promise<void> {
  await t.onScreen(WAITING, 30_000);
  t.type(line);
  t.press('Enter');
}

/** Types `line` and waits for it after the prompt, then `then` (a pattern). */
async function typedOnCluster(t: Terminal, line: string, then: string): Promise<string> {
  await typeAtClusterPrompt(t, line);
  return t.waitFor(new RegExp(`${PROMPT}${escapeRegExp(line)}\\n${then}`), 15_000);
}

test('moved: primary-1 asked for room:1 (predict answered (nil): not quite, MOVED); follow: the lesson connection is redirected as redis-cli -c prints it and stays on that node', async () => {
  const term = tty.lesson(ID, 'moved');
  await term.onScreen(/What does primary-1 answer\?[\s\S]*❯/, 30_000);
  await predictWrongly(term, {
    question: 'What does primary-1 answer?',
    downs: 1,
    wrong: '(nil): it does not have room:1',
    replies: [onNode('primary-1', 'HGET room:1 name', `${escapeRegExp('(primary-1) (error) MOVED 10963 127.0.0.1:')}\\d+`)],
    answer: '(error) MOVED, with the slot and the address of the node that serves it',
    explains: 'A node never fetches a key from another node.',
  });

  // follow: the first HGET leaves primary-1 for the node the MOVED named; the prompt then shows that node.
  const screen = await term.waitFor(
    new RegExp(`${exchange('HGET room:1 name')}-> Redirected to slot \\[10963\\] located at 127\\.0\\.0\\.1:(\\d+)\\n"General"\\n127\\.0\\.0\\.1:(\\d+)> HGET room:1 owner\\n"alice"\\n`),
    30_000,
  );
  const [, to, next] = /-> Redirected to slot \[10963\] located at 127\.0\.0\.1:(\d+)\n"General"\n127\.0\.0\.1:(\d+)> HGET room:1 owner/.exec(screen)!;
  expect(next).toBe(to);
  // The MOVED of the predict named the same node: slot 10963 is primary-3's.
  expect(screen).toContain(`(error) MOVED 10963 127.0.0.1:${to}`);
  await atPause(term);
  await term.waitFor(/\n\[\d+\/\d+\]\n/);
  await interrupt(term);
}, 90_000);

test('multi-crossslot: EXEC across two slots of one node (predict answered "both replies": not quite, CROSSSLOT); tagged-send: an untagged MULTI is redirected half-way and told, hint, retry, the tagged MULTI passes', async () => {
  const term = tty.lesson(ID, 'multi-crossslot');
  // The rebuilt start replays the lesson from the replication pair to the cluster: longer than predictWrongly waits.
  await term.onScreen(/What does EXEC answer\?[\s\S]*❯/, 30_000);
  await predictWrongly(term, {
    question: 'Both keys are on the node you talk to. What does EXEC answer?',
    downs: 0,
    wrong: 'Both replies: one node, one transaction',
    replies: [
      exchange('MULTI', 'OK'),
      exchange('HSET room:1 name General owner alice', 'QUEUED'),
      exchange('SADD room:1:members alice', 'QUEUED'),
      exchange('EXEC', "(error) CROSSSLOT Keys in request don't hash to the same slot"),
      exchange('EXISTS room:1', '(integer) 0'),
    ],
    answer: '(error) CROSSSLOT, and neither key is written',
    explains: 'What counts is the slot, not the node',
  });
  // hash-tags: a predict answered rightly this time.
  await term.onScreen(/Which slots are \{room:1\}:members[\s\S]*❯/, 15_000);
  term.press('Down', 'Enter');
  await term.waitFor(/\(integer\) 10963\nRight\./);
  await atPause(term);

  // tagged-send, untagged: room:1:members is queued on primary-3, room:1:log is primary-1's: the XADD comes back
  // MOVED, is sent again there on its own, and EXEC finds no transaction on that node.
  await typedOnCluster(term, 'MULTI', 'OK\\n');
  await typedOnCluster(term, 'SADD room:1:members alice bob', 'QUEUED\\n');
  const moved = await typedOnCluster(term, 'XADD room:1:log 1700000060000-0 user alice text hi', '-> Redirected to slot \\[3644\\] located at 127\\.0\\.0\\.1:\\d+\\n"1700000060000-0"\\n');
  const port = /-> Redirected to slot \[3644\] located at 127\.0\.0\.1:(\d+)/.exec(moved)![1]!;
  await typeAtClusterPrompt(term, 'EXEC');
  await term.waitFor(
    new RegExp(
      `${escapeRegExp(`127.0.0.1:${port}> EXEC`)}\\n\\(error\\) ERR EXEC without MULTI\\n` +
        `Not yet: ${phrase('{room:1}:members should be a set of 2 members; it does not exist.')}[\\s\\S]*${phrase('your MULTI was opened on another node.')}`,
    ),
    15_000,
  );
  await typedOnCluster(term, 'hint', `Hint 1/2: [^\\n]*${phrase('MULTI, then SADD with both members')}`);
  await typeAtClusterPrompt(term, 'retry');
  await term.waitFor('Starting this step again: the data is back as the step found it.', 30_000);
  await typedOnCluster(term, 'MULTI', 'OK\\n');
  await typedOnCluster(term, 'SADD {room:1}:members alice bob', 'QUEUED\\n');
  await typedOnCluster(term, 'XADD {room:1}:log 1700000060000-0 user alice text hi', 'QUEUED\\n');
  await typedOnCluster(term, 'EXEC', '1\\) \\(integer\\) 2\\n2\\) "1700000060000-0"\\nDone!');
  await term.waitFor(/Done!\n[\s\S]*\n\[\d+\/\d+\]\n/);
  await interrupt(term);
}, 120_000);
