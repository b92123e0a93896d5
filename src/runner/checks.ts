import type { Check } from '../course/schema.js';
import { closest } from '../course/similar.js';
import { localize } from '../course/text.js';
import { runnerMsg as m } from './messages.js';
import type { KeySnapshot } from './snapshot.js';

/** A pub/sub message a helper connection received (R2), the channel as the learner sees it. */
export interface ReceivedMessage {
  on: string;
  channel: string;
  message: string;
  /** The PSUBSCRIBE pattern it came through (a pmessage). */
  pattern?: string;
}

/** What a step's checks are judged against, besides the keys they name. */
export interface CheckContext {
  /** Snapshots of every key a check names. */
  keys: Record<string, KeySnapshot>;
  /** Every key in the playground, for "did you mean". */
  allKeys: string[];
  /** The last reply, as redis-cli prints it. */
  lastReply?: string;
  /** The last reply's items when it was a flat array (SMEMBERS, KEYS ...), for unordered comparison. */
  lastItems?: string[];
  /** Every reply of this step, as printed. */
  replies?: readonly string[];
  /** Every item of every reply of this step, at any depth (SCAN's keys), as text. */
  seenItems?: ReadonlySet<string>;
  /** The learner's language, for an author's own failure message. */
  lang?: string;
  /** The learner's last command (name upper case), for checks on its arguments. */
  lastCommand?: { name: string; args: string[] };
  /** Command names (upper case) the learner typed during this step. */
  used: ReadonlySet<string>;
  /** Every argument the learner typed during this step: "did you mean" prefers keys they named themselves. */
  typed?: ReadonlySet<string>;
  /** What a code step's program printed (standard output). */
  stdout?: string;
  /** Pub/sub messages the helper connections received during the step (R2). */
  received?: readonly ReceivedMessage[];
  /** Server parameters the checks name, as CONFIG GET answered (R11); absent when it answered nothing. */
  config?: Readonly<Record<string, string>>;
  /** Keys the step's checks name: never offered as "did you mean" for another (they are work in progress). */
  expected?: ReadonlySet<string>;
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
  switch (check.kind) {
    case 'reply':
      return ctx.lastReply === check.reply ? pass : fail(m.replyShould(check.reply, ctx.lastReply));
    case 'reply_matches':
      return ctx.lastReply !== undefined && new RegExp(check.pattern).test(ctx.lastReply) ? pass : fail(m.replyNotThis(ctx.lastReply));
    case 'reply_unordered':
      return ctx.lastItems !== undefined && sameList([...ctx.lastItems].sort(), [...check.items].sort()) ? pass : fail(m.replyUnordered(check.items, ctx.lastReply));
    case 'seen_items': {
      const missing = check.items.find((item) => !ctx.seenItems?.has(item));
      return missing === undefined ? pass : fail(m.notSeenYet(missing));
    }
    case 'replies_include': {
      const missing = check.replies.find((r) => !(ctx.replies ?? []).includes(r));
      return missing === undefined ? pass : fail(m.noReplyYet(missing));
    }
    case 'uses':
      return check.commands.some((c) => ctx.used.has(c)) ? pass : fail(m.usesShould(check.commands));
    case 'not_uses': {
      const used = check.commands.find((c) => ctx.used.has(c));
      return used === undefined ? pass : fail(m.notUsesShould(used));
    }
    case 'command': {
      const last = ctx.lastCommand;
      // An all-capital word in `args` is an option (ASYNC, NX, REV): Redis reads those in any case.
      const options = new Set((check.args ?? []).filter((a) => /^[A-Z]+$/.test(a)));
      const typed = (last?.args ?? []).map((a) => (options.has(a.toUpperCase()) ? a.toUpperCase() : a));
      const ok = last !== undefined && last.name === check.name && (check.args === undefined || sameList(typed.sort(), [...check.args].sort()));
      return ok ? pass : fail(m.commandShould(check.name, check.args, last && [last.name, ...last.args].join(' ')));
    }
    case 'stdout_includes': {
      const missing = check.texts.find((t) => !(ctx.stdout ?? '').includes(t));
      return missing === undefined ? pass : fail(m.stdoutMissing(missing, ctx.stdout ?? ''));
    }
    case 'stdout_matches':
      return new RegExp(check.pattern, 'm').test(ctx.stdout ?? '') ? pass : fail(m.stdoutNotMatching(check.pattern, ctx.stdout ?? ''));
    case 'received': {
      const want = check.received;
      const found = (ctx.received ?? []).filter(
        (r) => r.on === want.on && r.channel === want.channel && (want.message === undefined || r.message === want.message) && (want.pattern === undefined || r.pattern === want.pattern),
      ).length;
      if (want.count === undefined) return found > 0 ? pass : fail(m.notReceived(want.on, want.channel, want.message, want.pattern));
      return found === want.count ? pass : fail(found === 0 ? m.notReceived(want.on, want.channel, want.message, want.pattern) : m.receivedCount(want.on, want.channel, want.count, found));
    }
    case 'config': {
      const got = ctx.config?.[check.name];
      return got === check.value ? pass : fail(m.configIs(check.name, check.value, got));
    }
    case 'any_of': {
      // The group that came closest speaks for all of them.
      const results = check.groups.map((g) => judgeAll(g, ctx));
      if (results.some((r) => r.ok)) return pass;
      const closest = results.reduce((best, r) => (r.failures.length < best.failures.length ? r : best));
      return fail(closest.failures.join(' '));
    }
  }
  const snap = ctx.keys[check.key] ?? { type: 'none', ttl: -2 };
  const missing = () => fail(withNearMiss(m.missing(check.key, expectation(check)), check.key, nearMissCandidates(ctx)));
  const notA = (type: string) => (snap.type === 'none' ? missing() : snap.type !== type ? fail(m.wrongType(check.key, expectation(check), snap.type)) : undefined);
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
    case 'hash':
    case 'hash_exact': {
      const off = notA('hash');
      if (off || snap.type !== 'hash') return off ?? pass;
      const wrong = Object.entries(check.fields).find(([f, v]) => snap.fields[f] !== v);
      if (wrong) return fail(m.hashFieldIs(check.key, wrong[0], wrong[1], snap.fields[wrong[0]]));
      const extra = Object.keys(snap.fields).filter((f) => !(f in check.fields));
      return check.kind === 'hash_exact' && extra.length > 0 ? fail(m.hashExtraFields(check.key, Object.keys(check.fields), extra)) : pass;
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
    case 'stream':
    case 'stream_last':
    case 'group': {
      const off = notA('stream');
      if (off || snap.type !== 'stream') return off ?? pass;
      if (check.kind === 'stream') {
        const got = snap.entries.map((e) => e.fields);
        return got.length === check.entries.length && got.every((g, i) => sameFields(g, check.entries[i]!)) ? pass : fail(m.streamIs(check.key, check.entries, got));
      }
      if (check.kind === 'stream_last') {
        const last = snap.entries.at(-1)?.fields;
        return last !== undefined && sameFields(last, check.fields) ? pass : fail(m.streamLastIs(check.key, check.fields, last));
      }
      const want = check.group;
      const group = snap.groups.find((g) => g.name === want.name);
      if (group === undefined) return fail(m.noGroup(check.key, want.name, snap.groups.map((g) => g.name)));
      if (want.pending !== undefined && group.pending !== want.pending) return fail(m.groupPending(check.key, want.name, want.pending, group.pending));
      if (want.consumers !== undefined && group.consumers !== want.consumers) return fail(m.groupConsumers(check.key, want.name, want.consumers, group.consumers));
      if (want.lastDelivered !== undefined && group.lastDelivered !== want.lastDelivered) return fail(m.groupLastDelivered(check.key, want.name, want.lastDelivered, group.lastDelivered));
      return pass;
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
  const judged = ctx.expected ? ctx : { ...ctx, expected: new Set(keysOf(checks)) };
  // Two checks on one missing key (exists, ttl) say the same sentence: once is enough.
  const said = (c: Check, r: CheckResult) => (c.message === undefined ? (r.message ?? '') : localize(c.message, ctx.lang ?? 'en'));
  const failures = [...new Set(checks.flatMap((c) => {
    const r = judge(c, judged);
    return r.ok ? [] : [said(c, r)];
  }))];
  return { ok: failures.length === 0, failures };
}

/** The keys a set of checks reads (inside `any_of` groups too). */
export function keysOf(checks: Check[]): string[] {
  return [...new Set(checks.flatMap((c) => (c.kind === 'any_of' ? keysOf(c.groups.flat()) : 'key' in c ? [c.key] : [])))];
}

/** Checks judged on the state alone (not on what was typed or answered): the ones a read cannot change. */
export function onState(check: Check): boolean {
  return 'key' in check || (check.kind === 'any_of' && check.groups.flat().every(onState));
}

/** "a list of 3 items", "the string "hi"": what a keyed check wants, for its messages. */
export function expectation(check: Extract<Check, { key: string }>): string {
  switch (check.kind) {
    case 'exists':
    case 'ttl':
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
    case 'hash_exact':
      return m.aHash(Object.keys(check.fields).length);
    case 'zset':
      return m.aZset(check.members.length);
    case 'length':
      return m.aLength(check.length);
    case 'stream':
      return m.aStream(check.entries.length);
    case 'stream_last':
    case 'group':
      return m.aType('stream');
  }
}

/** The same fields with the same values, in any order. */
function sameFields(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/** The server parameters a set of checks reads (inside `any_of` groups too). */
export function configsOf(checks: Check[]): string[] {
  return [...new Set(checks.flatMap((c) => (c.kind === 'any_of' ? configsOf(c.groups.flat()) : c.kind === 'config' ? [c.name] : [])))];
}

/**
 * Keys the learner named in this step, if any exist; otherwise every key. A key another check of the step
 * names is never a near miss: after `SET chat:room1:1 hi`, chat:room1:2 is still to come, not mistyped.
 */
function nearMissCandidates(ctx: CheckContext): string[] {
  const open = ctx.allKeys.filter((k) => !ctx.expected?.has(k));
  const named = ctx.typed ? open.filter((k) => ctx.typed!.has(k)) : [];
  return named.length > 0 ? named : open;
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
