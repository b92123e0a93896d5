import type { CodeStep } from '../../course/schema.js';
import { quoteArg } from '../quote-arg.js';
import type { LessonRedis } from '../redis.js';
import type { KeySnapshot } from '../snapshot.js';
import { runReference } from './reference.js';

/** The playground as a code step's solution program left it, when it can be written back with commands. */
type Playground = Record<string, KeySnapshot>;

/** Per connection, per step: a rebuild always reaches a step through the same state, so its result is too. */
const memo = new WeakMap<LessonRedis, WeakMap<CodeStep, Playground>>();

/** More keys than this are not kept (a fixture of thousands is cheaper to make again). */
const MAX_KEYS = 500;

/**
 * What a rebuild does at a code step: runs its solution program (reruns included), unseen. The first time,
 * the playground it leaves is kept; later rebuilds through this step write that back with plain commands
 * instead of starting `node` again (half a second or more each: a late step of a lesson with several code
 * steps would otherwise wait seconds on every `run`, `retry` and `skip`). A playground holding a stream,
 * or too many keys, is not kept: the program runs again.
 */
export async function replayReference(redis: LessonRedis, step: CodeStep): Promise<void> {
  const kept = memo.get(redis)?.get(step);
  if (kept !== undefined) {
    await redis.clear();
    for (const line of Object.entries(kept).flatMap(([key, snap]) => writeBack(key, snap) ?? [])) await redis.execute(line);
    return;
  }
  await runReference(redis, step);
  const { allKeys } = await redis.read([]);
  if (allKeys.length >= MAX_KEYS) return;
  const { keys } = await redis.read(allKeys);
  if (Object.values(keys).some((snap) => writeBack('k', snap) === undefined)) return;
  if (!memo.has(redis)) memo.set(redis, new WeakMap());
  memo.get(redis)!.set(step, keys);
}

/** Commands that make `key` hold the snapshot again; undefined for what they cannot (a stream, an infinite score). */
function writeBack(key: string, snap: KeySnapshot): string[] | undefined {
  const line = (...args: (string | number)[]) => args.map((a) => quoteArg(String(a))).join(' ');
  const expire = snap.ttl > 0 ? [line('EXPIRE', key, snap.ttl)] : [];
  switch (snap.type) {
    case 'string':
      return [line('SET', key, snap.value), ...expire];
    case 'list':
      return [line('RPUSH', key, ...snap.values), ...expire];
    case 'set':
      return [line('SADD', key, ...snap.members), ...expire];
    case 'hash':
      return [line('HSET', key, ...Object.entries(snap.fields).flat()), ...expire];
    case 'zset':
      if (snap.members.some((x) => !Number.isFinite(x.score))) return undefined;
      return [line('ZADD', key, ...snap.members.flatMap((x) => [x.score, x.member])), ...expire];
    case 'none':
      return [];
    case 'stream':
      return undefined;
  }
}
