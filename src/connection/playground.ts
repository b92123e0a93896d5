import { UserError } from '../errors.js';
import { quoteName } from '../ui/escape.js';
import { msg } from '../ui/messages.js';
import type { RedisClient } from './client.js';
import type { CourseCommands } from './reclaim.js';
import { selectDatabase } from './select.js';
import { isOutOfMemory, readMemory, unknownCommand } from './capabilities.js';
import { serverMsg } from './messages.js';

/** The one key the tutor writes to claim an empty database as its playground. */
export const PLAYGROUND_MARKER = 'redis-tutor:playground';
const MARKER_VALUE = 'This database is the redis-tutor playground: the tutor may delete any key in it.';

export type PlaygroundState =
  | { kind: 'empty' }
  | { kind: 'ours'; keys: number }
  /** `sample`: a few of its key names, shown as quoteName shows them (a name may hold any bytes). */
  | { kind: 'foreign'; keys: number; sample: string[] };

/** Looks at a database without writing anything: SELECT, DBSIZE, EXISTS and one bounded SCAN. */
export async function inspectPlayground(client: RedisClient, db: number): Promise<PlaygroundState> {
  await selectDatabase(client, db);
  const size = await client.dbsize();
  if (size === 0) return { kind: 'empty' };
  if ((await client.exists(PLAYGROUND_MARKER)) === 1) return { kind: 'ours', keys: size - 1 };
  return { kind: 'foreign', keys: size, sample: await sampleKeys(client, 5) };
}

/**
 * Makes `db` the tutor's playground, or refuses without having written anything when it holds keys the
 * tutor did not create. A database that lost its marker but holds only keys the course's own lines name
 * (`courseCommands`; see ./course-keys.ts) is the tutor's own playground after a FLUSHDB or a DEL of the
 * marker: the marker goes back and nothing else is written.
 */
export async function claimPlayground(client: RedisClient, db: number, courseCommands?: CourseCommands): Promise<void> {
  const state = await inspectPlayground(client, db);
  if (state.kind === 'foreign' && !(await reclaimable(client, state.keys, courseCommands))) {
    throw new UserError(msg.foreignPlayground(db, state.keys, state.sample));
  }
  // Our own marker is written again too: a server out of memory refuses it here, before any lesson starts.
  // NX on a new claim: if someone else filled the database since DBSIZE, we still write only our own new key.
  await writable(client, state.kind === 'ours' ? client.set(PLAYGROUND_MARKER, MARKER_VALUE) : client.set(PLAYGROUND_MARKER, MARKER_VALUE, 'NX'));
}

/**
 * Puts the marker back on a claimed playground (a FLUSHDB, DEL or EXPIRE by the learner may have removed
 * it), so the database stays the tutor's. SET also clears any TTL given to the marker.
 */
export async function restoreMarker(client: RedisClient): Promise<void> {
  await client.set(PLAYGROUND_MARKER, MARKER_VALUE);
}

/** Empties a claimed playground (FLUSHDB on that one database only) and puts the marker back. */
export async function clearPlayground(client: RedisClient, owned: boolean): Promise<void> {
  if (owned) {
    await client.flushdb();
    return;
  }
  await writable(client, client.multi().flushdb().set(PLAYGROUND_MARKER, MARKER_VALUE).exec());
}

/**
 * A write the tutor needs, or, when Redis refused it for want of memory or did not know one of its commands
 * (renamed where COMMAND INFO could not tell beforehand), one sentence saying so and what to do.
 */
async function writable<T>(client: RedisClient, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isOutOfMemory(err)) throw new UserError(serverMsg.memoryFull(await readMemory(client)), { cause: err });
    const unknown = unknownCommand(err);
    if (unknown !== undefined) throw new UserError(serverMsg.tutorCommandsMissing([unknown]), { cause: err });
    throw err;
  }
}

async function reclaimable(client: RedisClient, keys: number, courseCommands: CourseCommands | undefined): Promise<boolean> {
  if (courseCommands === undefined) return false;
  // The rare case (a marker lost), so its code is loaded only now.
  const { holdsOnlyCourseKeys } = await import('./reclaim.js');
  return holdsOnlyCourseKeys(client, keys, courseCommands);
}

/** A few key names, read as bytes and shown escaped: a name need not be UTF-8, and may hold control bytes. */
async function sampleKeys(client: RedisClient, count: number): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  // A handful of SCAN calls at most: enough to name a few keys, never a walk of a big keyspace.
  for (let i = 0; i < 10 && found.length < count; i++) {
    const [next, keys] = await client.scanBuffer(cursor, 'COUNT', 100);
    found.push(...keys.slice(0, count - found.length).map(quoteName));
    cursor = next.toString();
    if (cursor === '0') break;
  }
  return found;
}
