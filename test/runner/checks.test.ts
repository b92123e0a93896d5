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
  it('names each key a step reads once', () => {
    expect(keysOf([...checks, { kind: 'length', key: 'chat', length: 1 }])).toEqual(['chat', 'old']);
  });
});
