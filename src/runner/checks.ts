import type { Check } from '../course/schema.js';
import { closest } from '../course/similar.js';
import { runnerMsg as m } from './messages.js';
import type { KeySnapshot } from './snapshot.js';

/** What a step's checks are judged against, besides the keys they name. */
export interface CheckContext {
  /** Snapshots of every key a check names. */
  keys: Record<string, KeySnapshot>;
  /** Every key in the playground, for "did you mean". */
  allKeys: string[];
  /** The last reply, as redis-cli prints it. */
  lastReply?: string;
  /** Command names (upper case) the learner typed during this step. */
  used: ReadonlySet<string>;
  /** Every argument the learner typed during this step: "did you mean" prefers keys they named themselves. */
  typed?: ReadonlySet<string>;
}

export interface CheckResult {
  ok: boolean;
  /** Why it failed, said from the check itself. */
  message?: string;
}

const pass: CheckResult = { ok: true };
const fail = (message: string): CheckResult => ({ ok: false, message });

/** Pure: does the state hold what the check expects? If not, says what it should be and what it is. */
export function judge(check: Check, ctx: CheckContext): CheckResult {
  if (check.kind === 'reply') {
    return ctx.lastReply === check.reply ? pass : fail(m.replyShould(check.reply, ctx.lastReply));
  }
  if (check.kind === 'uses') return ctx.used.has(check.command) ? pass : fail(m.usesShould(check.command));
  const snap = ctx.keys[check.key] ?? { type: 'none', ttl: -2 };
  const missing = () => fail(withNearMiss(m.missing(check.key, expectation(check)), check.key, nearMissCandidates(ctx)));
  switch (check.kind) {
    case 'exists':
      if (check.exists) return snap.type === 'none' ? missing() : pass;
      return snap.type === 'none' ? pass : fail(m.shouldBeGone(check.key, snap.type));
    case 'type':
      if (snap.type === 'none') return missing();
      return snap.type === check.type ? pass : fail(m.wrongType(check.key, expectation(check), snap.type));
    case 'string':
      if (snap.type === 'none') return missing();
      if (snap.type !== 'string') return fail(m.wrongType(check.key, expectation(check), snap.type));
      return snap.value === check.value ? pass : fail(m.stringIs(check.key, check.value, snap.value));
    case 'list':
      if (snap.type === 'none') return missing();
      if (snap.type !== 'list') return fail(m.wrongType(check.key, expectation(check), snap.type));
      return sameList(snap.values, check.values) ? pass : fail(m.listIs(check.key, check.values, snap.values));
    case 'set':
      if (snap.type === 'none') return missing();
      if (snap.type !== 'set') return fail(m.wrongType(check.key, expectation(check), snap.type));
      return sameList([...snap.members].sort(), [...new Set(check.members)].sort()) ? pass : fail(m.setIs(check.key, check.members, snap.members));
    case 'hash': {
      if (snap.type === 'none') return missing();
      if (snap.type !== 'hash') return fail(m.wrongType(check.key, expectation(check), snap.type));
      const wrong = Object.entries(check.fields).find(([f, v]) => snap.fields[f] !== v);
      return wrong ? fail(m.hashFieldIs(check.key, wrong[0], wrong[1], snap.fields[wrong[0]])) : pass;
    }
    case 'zset': {
      if (snap.type === 'none') return missing();
      if (snap.type !== 'zset') return fail(m.wrongType(check.key, expectation(check), snap.type));
      const want = new Map(check.members.map((x) => [x.member, x.score]));
      const ok = snap.members.length === want.size && snap.members.every((x) => want.get(x.member) === x.score);
      return ok ? pass : fail(m.zsetIs(check.key, check.members, snap.members));
    }
    case 'ttl': {
      if (snap.type === 'none') return missing();
      if (check.ttl === 'none') return snap.ttl === -1 ? pass : fail(m.ttlShouldBeNone(check.key, snap.ttl));
      const { min, max } = check.ttl;
      return snap.ttl >= min && snap.ttl <= max ? pass : fail(m.ttlShouldBe(check.key, min, max, snap.ttl));
    }
    case 'length': {
      if (snap.type === 'none') return missing();
      const length = lengthOf(snap);
      if (length === check.length) return pass;
      // A string's length is STRLEN's: bytes, so "안녕" is 6 long.
      return fail(snap.type === 'string' ? m.bytesIs(check.key, check.length, length) : m.lengthIs(check.key, check.length, snap.type, length));
    }
  }
}

/** Judges every check; the step passes only when all hold. */
export function judgeAll(checks: Check[], ctx: CheckContext): { ok: boolean; failures: string[] } {
  const failures = checks.map((c) => judge(c, ctx)).filter((r) => !r.ok).map((r) => r.message ?? '');
  return { ok: failures.length === 0, failures };
}

/** The keys a set of checks reads. */
export function keysOf(checks: Check[]): string[] {
  return [...new Set(checks.flatMap((c) => ('key' in c ? [c.key] : [])))];
}

/** "a list of 3 items", "the string "hi"": what a check wants, for its messages. */
export function expectation(check: Check): string {
  switch (check.kind) {
    case 'exists':
    case 'ttl':
    case 'reply':
    case 'uses':
      return m.aKey();
    case 'type':
      return m.aType(check.type);
    case 'string':
      return m.aString(check.value);
    case 'list':
      return m.aList(check.values.length);
    case 'set':
      return m.aSet(check.members.length);
    case 'hash':
      return m.aHash(Object.keys(check.fields).length);
    case 'zset':
      return m.aZset(check.members.length);
    case 'length':
      return m.aLength(check.length);
  }
}

/** Keys the learner named in this step, if any exist; otherwise every key. */
function nearMissCandidates(ctx: CheckContext): string[] {
  const named = ctx.typed ? ctx.allKeys.filter((k) => ctx.typed!.has(k)) : [];
  return named.length > 0 ? named : ctx.allKeys;
}

function withNearMiss(message: string, key: string, allKeys: string[]): string {
  const guess = closest(key, allKeys);
  return guess === undefined ? message : `${message} ${m.didYouMean(guess, key)}`;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function lengthOf(snap: KeySnapshot): number {
  switch (snap.type) {
    case 'string':
      return Buffer.byteLength(snap.value);
    case 'list':
      return snap.values.length;
    case 'set':
    case 'zset':
      return snap.members.length;
    case 'hash':
      return Object.keys(snap.fields).length;
    case 'stream':
      return snap.length;
    case 'none':
      return 0;
  }
}
