import type { Database } from '../keyspace.js';
import type { CommandContext, CommandSpec, HandlerResult } from '../types.js';
import type { Reply } from '../reply.js';
import { BEFORE, RULES, type Fired } from './events.js';
import type { ChangedKey, Notifier } from './notifier.js';

/**
 * Runs a handler while notifications are on: notes the keys it writes, then publishes its events by
 * the command's rule (events.ts). Nested calls (EXEC's queue) publish their own and leave none behind.
 */
export function runNotifying(notifier: Notifier, databases: readonly Database[], spec: CommandSpec, ctx: CommandContext, args: Buffer[]): HandlerResult {
  const mark = notifier.changed.length;
  const db = ctx.db.index;
  const rule = RULES[spec.name];
  notifier.depth++;
  try {
    const before = BEFORE[spec.name]?.(ctx.db, args);
    const result = spec.handler(ctx, args);
    if (rule === undefined || result.type === 'error') return result;
    if (result.type === 'block') {
      // Served later (a push woke it): its pop events follow the waking command's, as in Redis.
      const tryServe = result.tryServe;
      result.tryServe = (served, readyKey) => {
        const reply = tryServe(served, readyKey);
        if (reply !== undefined && reply.type !== 'error' && notifier.flags !== 0) {
          rule(fired(notifier, databases, served.db.index, args, reply, [], undefined));
        }
        return reply;
      };
      return result;
    }
    rule(fired(notifier, databases, db, args, result, notifier.changed.slice(mark), before));
    return result;
  } finally {
    notifier.depth--;
    notifier.changed.length = mark;
  }
}

function fired(notifier: Notifier, databases: readonly Database[], db: number, args: Buffer[], result: Reply, changed: ChangedKey[], before: unknown): Fired {
  return {
    args,
    result,
    db,
    changed,
    emit: (cls, event, key, at = db) => notifier.emit(cls, event, key, at),
    gone: (key, at = db) => !databases[at]!.holdsRaw(key),
    before,
    keyspace: databases[db]!,
  };
}
