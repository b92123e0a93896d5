import type { Reply } from '../reply.js';

/**
 * Redis's `dirty` (what the save points count) for the commands that add or remove several elements at
 * once, as their Redis 7.0 source counts them: pushes count the elements pushed, HSET/HMSET the pairs
 * given, SADD/SREM/HDEL/ZREM/LREM the elements their reply says changed, a pop with a count the
 * elements popped. Any other command: undefined (one per key it changed).
 */
export function elementsChanged(name: string, argc: number, reply: Reply): number | undefined {
  switch (name) {
    case 'lpush':
    case 'rpush':
    case 'lpushx':
    case 'rpushx':
      return reply.type === 'integer' && reply.value > 0 ? argc - 2 : undefined;
    case 'hset':
    case 'hmset':
      return reply.type === 'error' ? undefined : Math.floor((argc - 2) / 2);
    case 'sadd':
    case 'srem':
    case 'hdel':
    case 'zrem':
    case 'lrem':
      return reply.type === 'integer' ? Number(reply.value) : undefined;
    case 'lpop':
    case 'rpop':
    case 'spop':
      return reply.type === 'array' || reply.type === 'set' ? (reply.value?.length ?? 0) : undefined;
    default:
      return undefined;
  }
}
