import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/course/schema.js';
import { judge, judgeAll, keysOf, type CheckContext } from '../../src/runner/checks.js';
import type { KeySnapshot } from '../../src/runner/snapshot.js';

const state = (keys: Record<string, KeySnapshot>, extra: Partial<CheckContext> = {}): CheckContext => ({
  keys,
  allKeys: Object.keys(keys).filter((k) => keys[k]!.type !== 'none'),
  used: new Set(),
  ...extra,
});
const str = (value: string, ttl = -1): KeySnapshot => ({ type: 'string', value, ttl });
const list = (...values: string[]): KeySnapshot => ({ type: 'list', values, ttl: -1 });
const stream = (entries: Record<string, string>[], groups: { name: string; consumers: number; pending: number; lastDelivered: string }[] = []): KeySnapshot => ({
  type: 'stream',
  ttl: -1,
  length: entries.length,
  entries: entries.map((fields, i) => ({ id: `170000000000${i}-0`, fields })),
  groups,
});
const log = stream([{ user: 'alice', text: 'hi' }, { user: 'bob', text: 'hello' }], [{ name: 'archiver', consumers: 1, pending: 2, lastDelivered: '1700000000001-0' }]);
const got = (on: string, channel: string, message: string, pattern?: string) => ({ on, channel, message, ...(pattern ? { pattern } : {}) });

/** [what, check, state, expected message or 'pass'] */
const cases: [string, Check, CheckContext, string][] = [
  ['a list in order', { kind: 'list', key: 'chat', values: ['hi', 'bye'] }, state({ chat: list('hi', 'bye') }), 'pass'],
  ['a list in the wrong order', { kind: 'list', key: 'chat', values: ['hi', 'bye'] }, state({ chat: list('bye', 'hi') }), '`chat` should be the list ["hi", "bye"]; it is ["bye", "hi"].'],
  ['the overwrite bug: a string where a list should be', { kind: 'list', key: 'chat', values: ['a', 'b', 'c'] }, state({ chat: str('c') }), '`chat` should be a list of 3 items; it is a string.'],
  ['a missing key', { kind: 'string', key: 'greeting', value: 'hello' }, state({}), '`greeting` should be the string "hello"; it does not exist.'],
  ['a near-miss key name', { kind: 'string', key: 'message', value: 'hi' }, state({ mesage: str('hi') }), '`message` should be the string "hi"; it does not exist. There is a key `mesage`: did you mean `message`? Key names must match exactly.'],
  ['a string with the wrong value', { kind: 'string', key: 'k', value: 'Grace' }, state({ k: str('grace') }), '`k` should hold "Grace"; it holds "grace".'],
  ['a set in any order', { kind: 'set', key: 's', members: ['a', 'b'] }, state({ s: { type: 'set', members: ['b', 'a'], ttl: -1 } }), 'pass'],
  ['a set missing a member', { kind: 'set', key: 's', members: ['a', 'b'] }, state({ s: { type: 'set', members: ['a'], ttl: -1 } }), '`s` should be the set ["a", "b"] (any order); it is ["a"].'],
  ['hash fields', { kind: 'hash', key: 'h', fields: { name: 'Ada' } }, state({ h: { type: 'hash', fields: { name: 'Ada', age: '36' }, ttl: -1 } }), 'pass'],
  ['a hash field missing', { kind: 'hash', key: 'h', fields: { name: 'Ada' } }, state({ h: { type: 'hash', fields: { age: '36' }, ttl: -1 } }), 'Field `name` of `h` should be "Ada"; there is no such field.'],
  ['sorted-set scores', { kind: 'zset', key: 'z', members: [{ member: 'a', score: 1 }] }, state({ z: { type: 'zset', members: [{ member: 'a', score: 2 }], ttl: -1 } }), '`z` should hold "a" (1); it holds "a" (2).'],
  ['a TTL in range', { kind: 'ttl', key: 'k', ttl: { min: 1, max: 60 } }, state({ k: str('v', 30) }), 'pass'],
  ['no TTL where one is wanted', { kind: 'ttl', key: 'k', ttl: { min: 1, max: 60 } }, state({ k: str('v') }), '`k` should expire in 1-60 s; it has no expiry.'],
  ['a TTL where none is wanted', { kind: 'ttl', key: 'k', ttl: 'none' }, state({ k: str('v', 10) }), '`k` should have no expiry; it expires in 10 s.'],
  ['a length', { kind: 'length', key: 'l', length: 3 }, state({ l: list('a') }), '`l` should have 3 items; it is a list with 1 item.'],
  ['a string length, in bytes as STRLEN counts them', { kind: 'length', key: 'k', length: 2 }, state({ k: str('안녕') }), '`k` should be 2 bytes long (STRLEN); it is 6.'],
  ['a key that should be gone', { kind: 'exists', key: 'k', exists: false }, state({ k: str('v') }), '`k` should be gone; it still exists (a string).'],
  ['a key that should exist', { kind: 'exists', key: 'k', exists: true }, state({}), '`k` should be a key; it does not exist.'],
  ['a type', { kind: 'type', key: 'k', type: 'hash' }, state({ k: list('a') }), '`k` should be a hash; it is a list.'],
  ['the last reply', { kind: 'reply', reply: '(integer) 2' }, state({}, { lastReply: '(integer) 1' }), 'The last reply should be `(integer) 2`; it was `(integer) 1`.'],
  ['a reply before any command', { kind: 'reply', reply: 'PONG' }, state({}), 'The answer should be `PONG`; no command has run yet.'],
  ['a command that must be used', { kind: 'uses', commands: ['RPUSH'] }, state({}, { used: new Set(['SET']) }), 'This step is about **RPUSH**: use it to get there.'],
  ['a command that was used', { kind: 'uses', commands: ['RPUSH'] }, state({}, { used: new Set(['RPUSH']) }), 'pass'],
  ['a stream, fields in any order within an entry', { kind: 'stream', key: 'log', entries: [{ user: 'alice', text: 'hi' }, { text: 'hello', user: 'bob' }] }, state({ log }), 'pass'],
  ['a stream with an entry too many', { kind: 'stream', key: 'log', entries: [{ user: 'alice', text: 'hi' }] }, state({ log }), '`log` should hold the entries {user: "alice", text: "hi"}, in that order; it holds {user: "alice", text: "hi"}, {user: "bob", text: "hello"}.'],
  ['a stream in the wrong order', { kind: 'stream', key: 'log', entries: [{ user: 'bob', text: 'hello' }, { user: 'alice', text: 'hi' }] }, state({ log }), '`log` should hold the entries {user: "bob", text: "hello"}, {user: "alice", text: "hi"}, in that order; it holds {user: "alice", text: "hi"}, {user: "bob", text: "hello"}.'],
  ['the last entry', { kind: 'stream_last', key: 'log', fields: { user: 'bob', text: 'hello' } }, state({ log }), 'pass'],
  ['the last entry with a field too many', { kind: 'stream_last', key: 'log', fields: { user: 'bob' } }, state({ log }), 'The last entry of `log` should be {user: "bob"}; it is {user: "bob", text: "hello"}.'],
  ['the last entry of an emptied stream', { kind: 'stream_last', key: 'log', fields: { user: 'bob' } }, state({ log: stream([]) }), 'The last entry of `log` should be {user: "bob"}; the stream has no entries.'],
  ['a stream check on a list', { kind: 'stream_last', key: 'log', fields: { user: 'bob' } }, state({ log: list('a') }), '`log` should be a stream; it is a list.'],
  ['a group with entries pending', { kind: 'group', key: 'log', group: { name: 'archiver', pending: 0 } }, state({ log }), 'Group `archiver` of `log` should have 0 pending entries (delivered, not yet acknowledged with XACK); it has 2.'],
  ['a group not created', { kind: 'group', key: 'log', group: { name: 'mailer' } }, state({ log: stream([]) }), '`log` should have a consumer group `mailer`; it has none (XGROUP CREATE makes one).'],
  ['a group and its consumers', { kind: 'group', key: 'log', group: { name: 'archiver', consumers: 1, lastDelivered: '1700000000001-0' } }, state({ log }), 'pass'],
  ['a message received', { kind: 'received', received: { on: 'B', channel: 'room:2', message: 'hi' } }, state({}, { received: [got('B', 'room:2', 'hi')] }), 'pass'],
  ['a message on another channel', { kind: 'received', received: { on: 'B', channel: 'room:2', message: 'hi' } }, state({}, { received: [got('B', 'room:3', 'hi')] }), 'Connection B has not received "hi" on the channel `room:2` in this step.'],
  ['a message not through the pattern', { kind: 'received', received: { on: 'B', channel: 'room:7', pattern: 'room:*' } }, state({}, { received: [got('B', 'room:7', 'x')] }), 'Connection B has not received a message on the channel `room:7` through its pattern `room:*` in this step.'],
  ['a message through the pattern', { kind: 'received', received: { on: 'B', channel: 'room:7', pattern: 'room:*' } }, state({}, { received: [got('B', 'room:7', 'x', 'room:*')] }), 'pass'],
  ['a message received twice where once is asked', { kind: 'received', received: { on: 'B', channel: 'c', count: 1 } }, state({}, { received: [got('B', 'c', 'x'), got('B', 'c', 'y')] }), 'Connection B should have received 1 such message on `c` in this step; it received 2.'],
  ['a configuration value', { kind: 'config', name: 'appendonly', value: 'yes' }, state({}, { config: { appendonly: 'no' } }), 'The server\'s `appendonly` should be "yes"; CONFIG GET appendonly answers "no".'],
];

describe('judge', () => {
  it.each(cases)('%s', (_what, check, ctx, expected) => {
    const result = judge(check, ctx);
    expect(result.ok ? 'pass' : result.message).toBe(expected);
  });

  it('prefers, for "did you mean", a key the learner typed in this step over an older one', () => {
    const ctx = state({ 'user:1:name': str('Ada'), user2name: str('Grace') }, { typed: new Set(['user2name', 'Grace']) });
    expect(judge({ kind: 'string', key: 'user:2:name', value: 'Grace' }, ctx).message).toContain('There is a key `user2name`');
  });

  it('never suggests the key the check names itself', () => {
    expect(judge({ kind: 'exists', key: 'k', exists: true }, state({ k: { type: 'none', ttl: -2 } })).message).not.toContain('did you mean');
  });
});

describe('judgeAll and keysOf', () => {
  const checks: Check[] = [
    { kind: 'list', key: 'chat', values: ['a'] },
    { kind: 'uses', commands: ['RPUSH'] },
    { kind: 'exists', key: 'old', exists: false },
  ];
  it('passes only when every check holds, and lists every failure', () => {
    expect(judgeAll(checks, state({ chat: list('a') }, { used: new Set(['RPUSH']) }))).toEqual({ ok: true, failures: [] });
    expect(judgeAll(checks, state({ old: str('x') })).failures).toHaveLength(3);
  });
  it('says a sentence two checks share once (exists and ttl on one missing key)', () => {
    const both: Check[] = [
      { kind: 'exists', key: 'typing:bob', exists: true },
      { kind: 'ttl', key: 'typing:bob', ttl: { min: 1, max: 10 } },
    ];
    expect(judgeAll(both, state({})).failures).toEqual(['`typing:bob` should be a key; it does not exist.']);
  });
  it('names each key a step reads once', () => {
    expect(keysOf([...checks, { kind: 'length', key: 'chat', length: 1 }])).toEqual(['chat', 'old']);
  });
});

/** The checks of lesson format 2, each passing and failing with the words the learner reads. */
const hash = (fields: Record<string, string>): KeySnapshot => ({ type: 'hash', fields, ttl: -1 });
const replied = (lastReply: string, lastItems?: string[]): Partial<CheckContext> => ({ lastReply, ...(lastItems ? { lastItems } : {}) });
const format2: [string, Check, CheckContext, string][] = [
  ['reply_matches: a reply that matches', { kind: 'reply_matches', pattern: '^\\(integer\\) [1-9]' }, state({}, replied('(integer) 7')), 'pass'],
  ['reply_matches: a reply that does not', { kind: 'reply_matches', pattern: '^\\(integer\\) [1-9]' }, state({}, replied('(integer) 0')), 'The last reply, `(integer) 0`, is not the one this step asks for.'],
  ['reply_matches: before any command', { kind: 'reply_matches', pattern: '.' }, state({}), 'No command has run yet.'],
  ['reply_unordered: the same items in another order', { kind: 'reply_unordered', items: ['a', 'b', 'c'] }, state({}, replied('1) "c"\n2) "a"\n3) "b"', ['c', 'a', 'b'])), 'pass'],
  ['reply_unordered: an item missing', { kind: 'reply_unordered', items: ['a', 'b'] }, state({}, replied('1) "a"', ['a'])), 'The last reply should hold ["a", "b"] (any order); it was `1) "a"`.'],
  ['reply_unordered: an item too many', { kind: 'reply_unordered', items: ['a'] }, state({}, replied('1) "a"\n2) "a"', ['a', 'a'])), 'The last reply should hold ["a"] (any order); it was `1) "a"\n2) "a"`.'],
  ['reply_unordered: a reply that is not a flat array', { kind: 'reply_unordered', items: ['a'] }, state({}, replied('"a"')), 'The last reply should hold ["a"] (any order); it was `"a"`.'],
  ['replies_include: each reply seen in the step', { kind: 'replies_include', replies: ['(integer) 1', 'OK'] }, state({}, { replies: ['OK', '(nil)', '(integer) 1'] }), 'pass'],
  ['replies_include: one reply never seen', { kind: 'replies_include', replies: ['(integer) 1', '(integer) 2'] }, state({}, { replies: ['(integer) 1'] }), 'No reply in this step has been `(integer) 2` yet.'],
  ['replies_include: a part of a reply is not the reply', { kind: 'replies_include', replies: ['"a"'] }, state({}, { replies: ['1) "a"'] }), 'No reply in this step has been `"a"` yet.'],
  ['not_uses: none of the commands typed', { kind: 'not_uses', commands: ['DEL', 'UNLINK'] }, state({}, { used: new Set(['SET', 'EXPIRE']) }), 'pass'],
  ['not_uses: one of them typed', { kind: 'not_uses', commands: ['DEL', 'UNLINK'] }, state({}, { used: new Set(['SET', 'UNLINK']) }), 'This step asks you to get there without **UNLINK**. Type `retry` to start the step again.'],
  ['uses: any one of several', { kind: 'uses', commands: ['DEL', 'UNLINK'] }, state({}, { used: new Set(['UNLINK']) }), 'pass'],
  ['uses: none of several', { kind: 'uses', commands: ['DEL', 'UNLINK'] }, state({}, { used: new Set(['SET']) }), 'This step is about **DEL** or **UNLINK**: use it to get there.'],
  ['command: the name alone', { kind: 'command', name: 'DEL' }, state({}, { lastCommand: { name: 'DEL', args: ['x'] } }), 'pass'],
  ['command: another command last', { kind: 'command', name: 'DEL' }, state({}, { lastCommand: { name: 'GET', args: ['x'] } }), 'Your last command should be `DEL`; it was `GET x`.'],
  ['command: before any command', { kind: 'command', name: 'DEL' }, state({}), 'Your last command should be `DEL`; no command has run yet.'],
  ['command + args: the same args in any order', { kind: 'command', name: 'DEL', args: ['a', 'b'] }, state({}, { lastCommand: { name: 'DEL', args: ['b', 'a'] } }), 'pass'],
  ['command + args: one arg short', { kind: 'command', name: 'DEL', args: ['a', 'b'] }, state({}, { lastCommand: { name: 'DEL', args: ['b'] } }), 'Your last command should be `DEL` naming `a`, `b` (in any order, each once); it was `DEL b`.'],
  ['command + args: an arg twice', { kind: 'command', name: 'DEL', args: ['a', 'b'] }, state({}, { lastCommand: { name: 'DEL', args: ['a', 'a'] } }), 'Your last command should be `DEL` naming `a`, `b` (in any order, each once); it was `DEL a a`.'],
  ['command + args: an option (all capitals) typed in lower case, as Redis reads it', { kind: 'command', name: 'FLUSHDB', args: ['ASYNC'] }, state({}, { lastCommand: { name: 'FLUSHDB', args: ['async'] } }), 'pass'],
  ['command + args: a key is not an option: its case matters', { kind: 'command', name: 'DEL', args: ['room'] }, state({}, { lastCommand: { name: 'DEL', args: ['ROOM'] } }), 'Your last command should be `DEL` naming `room` only; it was `DEL ROOM`.'],
  ['seen_items: every key on some page', { kind: 'seen_items', items: ['user:1', 'user:2'] }, state({}, { seenItems: new Set(['0', 'user:2', '4096', 'user:1']) }), 'pass'],
  ['seen_items: one never seen', { kind: 'seen_items', items: ['user:1', 'user:2'] }, state({}, { seenItems: new Set(['user:1']) }), '`user:2` has not been in any reply of this step yet.'],
  ['seen_items: before any command', { kind: 'seen_items', items: ['user:1'] }, state({}), '`user:1` has not been in any reply of this step yet.'],
  ['hash_exact: exactly the fields', { kind: 'hash_exact', key: 'h', fields: { name: 'Ada' } }, state({ h: hash({ name: 'Ada' }) }), 'pass'],
  ['hash_exact: a field too many (hash alone would pass)', { kind: 'hash_exact', key: 'h', fields: { name: 'Ada' } }, state({ h: hash({ name: 'Ada', age: '36' }) }), '`h` should have only the fields `name`; it also has `age`.'],
  ['hash_exact: a field with another value', { kind: 'hash_exact', key: 'h', fields: { name: 'Ada' } }, state({ h: hash({ name: 'Grace' }) }), 'Field `name` of `h` should be "Ada"; it is "Grace".'],
  ['hash_exact: a missing key', { kind: 'hash_exact', key: 'h', fields: { name: 'Ada' } }, state({}), '`h` should be a hash with 1 field; it does not exist.'],
  ['hash_exact: not a hash', { kind: 'hash_exact', key: 'h', fields: { name: 'Ada' } }, state({ h: str('Ada') }), '`h` should be a hash with 1 field; it is a string.'],
  [
    'any_of: the second group holds',
    { kind: 'any_of', groups: [[{ kind: 'string', key: 'k', value: 'v' }], [{ kind: 'exists', key: 'k', exists: false }, { kind: 'uses', commands: ['DEL'] }]] },
    state({}, { used: new Set(['DEL']) }),
    'pass',
  ],
  [
    'any_of: no group holds; the closest one speaks',
    { kind: 'any_of', groups: [[{ kind: 'string', key: 'k', value: 'v' }, { kind: 'uses', commands: ['SET'] }], [{ kind: 'exists', key: 'k', exists: false }]] },
    // The first group fails twice (value and command), the second once: the second speaks.
    state({ k: str('w') }),
    '`k` should be gone; it still exists (a string).',
  ],
];

describe('judge: the checks of format 2', () => {
  it.each(format2)('%s', (_what, check, ctx, expected) => {
    const result = judge(check, ctx);
    expect(result.ok ? 'pass' : result.message).toBe(expected);
  });

  it("a check's own message replaces the tutor's sentence when it fails, in the learner's language (English without a translation)", () => {
    const checks: Check[] = [
      { kind: 'reply_matches', pattern: '^1\\) "0"\n', message: { en: 'Follow the cursor to "0".', ko: '커서가 "0"이 될 때까지 따라가세요.' } },
      { kind: 'not_uses', commands: ['KEYS'], message: 'Not KEYS.' },
      { kind: 'uses', commands: ['SCAN'] },
    ];
    const ctx = state({}, { lastReply: '1) "17"\n2) (empty array)', used: new Set(['SCAN', 'KEYS']) });
    expect(judgeAll(checks, ctx).failures).toEqual(['Follow the cursor to "0".', 'Not KEYS.']);
    expect(judgeAll(checks, { ...ctx, lang: 'ko' }).failures).toEqual(['커서가 "0"이 될 때까지 따라가세요.', 'Not KEYS.']);
    expect(judgeAll(checks, { ...ctx, lastReply: '1) "0"\n2) (empty array)', used: new Set(['SCAN']) })).toEqual({ ok: true, failures: [] });
  });

  it('any_of holds only when one group holds entirely, not when each check holds in some group', () => {
    const check: Check = { kind: 'any_of', groups: [[{ kind: 'string', key: 'a', value: '1' }, { kind: 'string', key: 'b', value: '1' }], [{ kind: 'string', key: 'a', value: '2' }, { kind: 'string', key: 'b', value: '2' }]] };
    expect(judge(check, state({ a: str('1'), b: str('2') })).ok).toBe(false);
    expect(judge(check, state({ a: str('2'), b: str('2') })).ok).toBe(true);
  });
});

describe('did you mean: never a key another check of the step names', () => {
  // The learner is filling chat:room1:1..3 one by one: the ones still to come are not typos of the first.
  const checks: Check[] = [1, 2, 3].map((n) => ({ kind: 'string', key: `chat:room1:${n}`, value: 'hi' }));
  const after = (...typed: string[]) => {
    const keys: Record<string, KeySnapshot> = {};
    for (let i = 0; i < typed.length; i += 2) keys[typed[i]!] = str(typed[i + 1]!);
    return state(keys, { typed: new Set(typed) });
  };

  it('after SET chat:room1:1 hi, the checks on :2 and :3 only say the key does not exist', () => {
    const { failures } = judgeAll(checks, after('chat:room1:1', 'hi'));
    expect(failures).toEqual([
      '`chat:room1:2` should be the string "hi"; it does not exist.',
      '`chat:room1:3` should be the string "hi"; it does not exist.',
    ]);
  });

  it('also when the other key is named inside an any_of group', () => {
    const grouped: Check[] = [checks[1]!, { kind: 'any_of', groups: [[checks[0]!], [{ kind: 'exists', key: 'x', exists: true }]] }];
    expect(judgeAll(grouped, after('chat:room1:1', 'hi')).failures[0]).toBe('`chat:room1:2` should be the string "hi"; it does not exist.');
  });

  it('still offers a genuine typo of the key', () => {
    const { failures } = judgeAll(checks, after('chat:room1:1', 'hi', 'chat:rom1:2', 'hi'));
    expect(failures[0]).toBe('`chat:room1:2` should be the string "hi"; it does not exist. There is a key `chat:rom1:2`: did you mean `chat:room1:2`? Key names must match exactly.');
  });
});
