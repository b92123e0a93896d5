import { toBytes, type Bytes } from '../types.js';

/**
 * Commands the AOF may record as they were sent (replayed on load through the engine, at the time they
 * ran): single-key writes to collections whose result depends only on the data and the time, so a
 * push to a long list costs one short line instead of the whole list. Anything else is recorded as
 * the whole value of each key it changed.
 */
const REPLAYABLE = new Set([
  'lpush', 'rpush', 'lpushx', 'rpushx', 'lpop', 'rpop', 'lset', 'ltrim', 'lrem', 'linsert',
  'hset', 'hmset', 'hsetnx', 'hdel', 'hincrby',
  'sadd', 'srem',
  'zadd', 'zrem', 'zincrby',
]);

/** The key a replayable command writes, or undefined when the command must be recorded by value. */
export function replayableKey(name: string, args: Buffer[]): Bytes | undefined {
  return REPLAYABLE.has(name) && args.length >= 2 ? toBytes(args[1]!) : undefined;
}
