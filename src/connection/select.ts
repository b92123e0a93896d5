import { UserError } from '../errors.js';
import { escapeText } from '../ui/escape.js';
import { msg } from '../ui/messages.js';
import type { RedisClient } from './client.js';
import { PLAYGROUND_DB } from './options.js';

/**
 * SELECT `db`, or a UserError that says why not: a database past the server's last one names how many the
 * server has (CONFIG GET databases, when the server allows it) and the number to use instead.
 */
export async function selectDatabase(client: RedisClient, db: number): Promise<void> {
  try {
    await client.select(db);
  } catch (err) {
    const text = (err as Error).message;
    if (/DB index is out of range/i.test(text)) {
      const count = await databaseCount(client);
      // Without a number the tutor uses 0 or the playground (15): leaving it out helps only if both exist.
      throw new UserError(msg.dbOutOfRange(db, count, count !== undefined && count > PLAYGROUND_DB), { cause: err });
    }
    throw new UserError(msg.selectRefused(db, escapeText(text)), { cause: err });
  }
}

/** How many databases the server has, or undefined where CONFIG is refused (managed services rename it). */
async function databaseCount(client: RedisClient): Promise<number | undefined> {
  try {
    const reply = (await client.config('GET', 'databases')) as unknown;
    const value = Array.isArray(reply) ? Number(reply[1]) : NaN;
    return Number.isInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
