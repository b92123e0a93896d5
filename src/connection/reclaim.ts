import type { RedisClient } from './client.js';
import { namedKeys, onlyCourseKeys, RECLAIM_LIMIT } from './course-keys.js';

/** The course's command lines as argument vectors; loaded only when a playground has to be looked at closely. */
export type CourseCommands = () => Promise<readonly string[][]>;

/**
 * Whether a database without the marker holds only keys the course's own lines name, so that the tutor may
 * put its marker back. Reads only (SCAN and one pipelined batch of COMMAND GETKEYS); any doubt is a no.
 */
export async function holdsOnlyCourseKeys(client: RedisClient, size: number, courseCommands: CourseCommands): Promise<boolean> {
  if (size > RECLAIM_LIMIT) return false;
  const keys = await allKeys(client, RECLAIM_LIMIT);
  if (keys === undefined) return false;
  let commands: readonly string[][];
  try {
    commands = await courseCommands();
  } catch {
    // A course that does not load names no keys: refuse as if the keys were someone else's.
    return false;
  }
  return onlyCourseKeys(keys, await courseKeys(client, commands));
}

/** Every key of the selected database, or undefined once there are more than `limit` (keys written meanwhile). */
async function allKeys(client: RedisClient, limit: number): Promise<Buffer[] | undefined> {
  const found = new Map<string, Buffer>();
  let cursor = '0';
  do {
    const [next, keys] = await client.scanBuffer(cursor, 'COUNT', limit);
    // SCAN may return a key twice.
    for (const key of keys) found.set(key.toString('latin1'), key);
    if (found.size > limit) return undefined;
    cursor = next.toString();
  } while (cursor !== '0');
  return [...found.values()];
}

/** The keys of the course's lines, as the server finds them: one pipelined batch, a rejected line has none. */
async function courseKeys(client: RedisClient, commands: readonly string[][]): Promise<Set<string>> {
  if (commands.length === 0) return new Set();
  const batch = client.pipeline();
  for (const args of commands) batch.callBuffer('COMMAND', 'GETKEYS', ...args);
  const results = (await batch.exec()) ?? [];
  return namedKeys(results.map(([err, reply]) => (err ? err : Array.isArray(reply) ? (reply as Buffer[]) : new Error('not a list of keys'))));
}
