import type { TryStep } from '../course/schema.js';
import type { RespReply } from '../resp/types.js';
import { capturesUsed, fillCaptures } from '../course/captures.js';
import { configsOf, judgeAll, keysOf } from './checks.js';
import { runnerMsg as m } from './messages.js';
import { quoteArg } from './quote-arg.js';
import type { Executed, LessonRedis } from './redis.js';

/** What the learner has done so far in one `try` step, besides changing Redis. */
export interface Attempt {
  lastReply?: string;
  lastItems?: string[];
  lastCommand?: { name: string; args: string[] };
  replies: string[];
  /** Every item of every reply, at any depth (the keys on SCAN pages), as text. */
  seenItems: Set<string>;
  /** The plain value of the last reply to each command (upper-case name), for captures: `(integer) 3` is "3". */
  values: Map<string, string>;
  used: Set<string>;
  /** Every argument typed, for "did you mean". */
  typed: Set<string>;
}

export const newAttempt = (): Attempt => ({ replies: [], seenItems: new Set(), values: new Map(), used: new Set(), typed: new Set() });

/** Notes one line the learner ran. A command Redis does not know (a typo) counts as nothing used. */
export function record(attempt: Attempt, done: Executed): void {
  if (done.kind !== 'ran') return;
  attempt.lastReply = done.text;
  attempt.replies.push(done.text);
  addItems(attempt.seenItems, done.reply);
  const items = flatItems(done.reply);
  if (items === undefined) delete attempt.lastItems;
  else attempt.lastItems = items;
  if (done.unknown) return;
  attempt.used.add(done.name);
  for (const arg of done.args) attempt.typed.add(arg);
  attempt.lastCommand = { name: done.name, args: done.args.slice(1) };
  const value = plainValue(done.reply);
  if (value !== undefined) attempt.values.set(done.name, value);
}

function addItems(into: Set<string>, reply: RespReply): void {
  if (reply.type !== 'array') return;
  for (const item of reply.value ?? []) {
    if (item.type === 'array') addItems(into, item);
    else {
      const value = plainValue(item);
      if (value !== undefined) into.add(value);
    }
  }
}

function plainValue(reply: RespReply): string | undefined {
  if (reply.type === 'integer') return String(reply.value);
  if (reply.type === 'bulk' && reply.value !== null) return reply.value.toString('utf8');
  if (reply.type === 'simple') return reply.value;
  return undefined;
}

/** A judgement, and what it saw of the data: a command that changed nothing leaves the same `seen`. */
export interface Judged {
  ok: boolean;
  failures: string[];
  seen: string;
}

/** Reads what the checks need and judges them; then, if they hold, the replay (R13). No printing. */
export async function judgeStep(redis: LessonRedis, step: TryStep, attempt: Attempt, lang = 'en'): Promise<Judged> {
  // Captured values (R9): `{id}` is the reply of the learner's INCR; without it the step cannot be judged yet.
  const captured: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, { replyOf }] of Object.entries(step.capture ?? {})) {
    const value = attempt.values.get(replyOf);
    if (value === undefined) missing.push(replyOf);
    else captured[name] = value;
  }
  const names = Object.keys(step.capture ?? {});
  // Checks that need a value not captured yet wait for it; the others are judged as usual.
  const waiting = missing.length > 0 ? step.checks.filter((c) => capturesUsed([c], names).length > 0) : [];
  const checks = fillCaptures(step.checks.filter((c) => !waiting.includes(c)), captured);
  const { keys, allKeys } = await redis.read(keysOf(checks));
  const configNames = configsOf(checks);
  const config = configNames.length === 0 ? {} : await redis.config(configNames);
  const received = redis.received();
  const seen = JSON.stringify([keys, [...allKeys].sort(), config, received.length]);
  const judged = judgeAll(checks, {
    keys,
    allKeys,
    used: attempt.used,
    typed: attempt.typed,
    replies: attempt.replies,
    seenItems: attempt.seenItems,
    received,
    config,
    lang,
    ...(attempt.lastReply === undefined ? {} : { lastReply: attempt.lastReply }),
    ...(attempt.lastItems === undefined ? {} : { lastItems: attempt.lastItems }),
    ...(attempt.lastCommand === undefined ? {} : { lastCommand: attempt.lastCommand }),
  });
  if (waiting.length > 0) return { ok: false, failures: [...judged.failures, m.captureMissing([...new Set(missing)])], seen };
  if (!judged.ok || step.replay === undefined || attempt.lastCommand === undefined) return { ...judged, seen };
  const failure = await replay(redis, step, attempt.lastCommand);
  return failure === undefined ? { ...judged, seen } : { ok: false, failures: [failure], seen };
}

/**
 * Reruns the learner's last command with the step's keys swapped for scratch keys holding other data;
 * says why when its reply is not the one a general answer gives. The scratch keys are deleted after.
 */
async function replay(redis: LessonRedis, step: TryStep, last: { name: string; args: string[] }): Promise<string | undefined> {
  const plan = step.replay!;
  const args = [last.name, ...last.args.map((a) => plan.substitute[a] ?? a)];
  const line = args.map(quoteArg).join(' ');
  // The scratch keys start empty (a learner's key of that name must not mix in) and are gone after.
  const scratch = ['DEL', ...new Set(Object.values(plan.substitute))].map(quoteArg).join(' ');
  await redis.execute(scratch);
  try {
    for (const setup of plan.setup) await redis.execute(setup, step.connection);
    const done = await redis.execute(line, step.connection);
    const got = done.kind === 'ran' ? done.text : '';
    return got === plan.reply ? undefined : m.replayFails(line, plan.setup.join(', '), got, plan.reply);
  } finally {
    await redis.execute(scratch);
  }
}

function flatItems(reply: RespReply): string[] | undefined {
  if (reply.type !== 'array' || reply.value === null) return undefined;
  const items: string[] = [];
  for (const item of reply.value) {
    if (item.type === 'bulk' && item.value !== null) items.push(item.value.toString('utf8'));
    else if (item.type === 'simple') items.push(item.value);
    else if (item.type === 'integer') items.push(String(item.value));
    else return undefined;
  }
  return items;
}
