import type { TryStep } from '../course/schema.js';
import type { RespReply } from '../resp/types.js';
import { judgeAll, keysOf } from './checks.js';
import { runnerMsg as m } from './messages.js';
import type { Executed, LessonRedis } from './redis.js';

/** What the learner has done so far in one `try` step, besides changing Redis. */
export interface Attempt {
  lastReply?: string;
  lastItems?: string[];
  lastCommand?: { name: string; args: string[] };
  replies: string[];
  used: Set<string>;
  /** Every argument typed, for "did you mean". */
  typed: Set<string>;
}

export const newAttempt = (): Attempt => ({ replies: [], used: new Set(), typed: new Set() });

/** Notes one line the learner ran. A command Redis does not know (a typo) counts as nothing used. */
export function record(attempt: Attempt, done: Executed): void {
  if (done.kind !== 'ran') return;
  attempt.lastReply = done.text;
  attempt.replies.push(done.text);
  const items = flatItems(done.reply);
  if (items === undefined) delete attempt.lastItems;
  else attempt.lastItems = items;
  if (done.unknown) return;
  attempt.used.add(done.name);
  for (const arg of done.args) attempt.typed.add(arg);
  attempt.lastCommand = { name: done.name, args: done.args.slice(1) };
}

/** Reads what the checks need and judges them; then, if they hold, the replay (R13). No printing. */
export async function judgeStep(redis: LessonRedis, step: TryStep, attempt: Attempt): Promise<{ ok: boolean; failures: string[] }> {
  const { keys, allKeys } = await redis.read(keysOf(step.checks));
  const judged = judgeAll(step.checks, {
    keys,
    allKeys,
    used: attempt.used,
    typed: attempt.typed,
    replies: attempt.replies,
    ...(attempt.lastReply === undefined ? {} : { lastReply: attempt.lastReply }),
    ...(attempt.lastItems === undefined ? {} : { lastItems: attempt.lastItems }),
    ...(attempt.lastCommand === undefined ? {} : { lastCommand: attempt.lastCommand }),
  });
  if (!judged.ok || step.replay === undefined || attempt.lastCommand === undefined) return judged;
  const failure = await replay(redis, step, attempt.lastCommand);
  return failure === undefined ? judged : { ok: false, failures: [failure] };
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

/** An argument as redis-cli's splitter reads it back unchanged. */
function quoteArg(arg: string): string {
  if (/^[^\s"'\\]+$/.test(arg)) return arg;
  return `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
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
