import { integer, type RespReply } from '../../resp/types.js';
import { toBytes, WRONGTYPE, type Bytes, type Keyspace, type RedisValue } from '../types.js';
import { fail } from './reply-error.js';

export type ValueOf<T extends RedisValue['type']> = Extract<RedisValue, { type: T }>;

/** The value at `key` if it has `type`, undefined when missing; WRONGTYPE (thrown) otherwise. */
export function lookup<T extends RedisValue['type']>(db: Keyspace, key: Bytes, type: T): ValueOf<T> | undefined {
  const value = db.get(key);
  if (value === undefined) return undefined;
  if (value.type !== type) fail(WRONGTYPE);
  return value as ValueOf<T>;
}

/**
 * After an in-place change: deletes the key when the aggregate became empty (Redis never keeps an
 * empty list, hash, set or sorted set), otherwise signals WATCH and blocked clients.
 */
export function afterWrite(db: Keyspace, key: Bytes, size: number): void {
  if (size === 0) db.delete(key);
  else db.touched(key);
}

/**
 * HDEL, SREM and ZREM: removes each named element with `remove`, answers how many were there, and
 * deletes the key once the aggregate is empty (`size` is read after the removals).
 */
export function removeEach(db: Keyspace, key: Bytes, names: Buffer[], remove: (name: Bytes) => boolean, size: () => number): RespReply {
  let removed = 0;
  for (const name of names) if (remove(toBytes(name))) removed++;
  if (removed > 0) afterWrite(db, key, size());
  return integer(removed);
}

/**
 * The STORE forms (SINTERSTORE, ZUNIONSTORE, ZRANGESTORE, ...): replaces `key` with the result, or deletes
 * it when the result is empty (Redis keeps no empty aggregate), and answers the result's size.
 */
export function storeResult(db: Keyspace, key: Bytes, value: RedisValue, size: number): RespReply {
  if (size === 0) {
    db.delete(key);
    return integer(0);
  }
  db.set(key, value);
  return integer(size);
}
