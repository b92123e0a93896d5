import type { Bytes, Keyspace } from '../types.js';
import { ENCODING } from '../encoding-limits.js';
import { lookup, type ValueOf } from '../util/typed.js';
import { SortedSet, type ZEntry } from './sorted-set.js';

export type ZsetValue = ValueOf<'zset'> & { value: SortedSet };

/** Redis 7.0's defaults: zset-max-listpack-entries 128, zset-max-listpack-value 64 (running values: ENCODING.limits). */
export const ZSET_MAX_LISTPACK_ENTRIES = 128;
export const ZSET_MAX_LISTPACK_VALUE = 64;

export const zsetAt = (db: Keyspace, key: Bytes): ZsetValue | undefined => lookup(db, key, 'zset') as ZsetValue | undefined;

/**
 * ZADD's new key: a skiplist straight away when listpacks are off (zset-max-listpack-entries 0) or the
 * first member is already too long for one.
 */
export function newZset(firstMember: Bytes): ZsetValue {
  const { zsetEntries, zsetValue } = ENCODING.limits;
  return { type: 'zset', value: new SortedSet(), encoding: zsetEntries === 0 || firstMember.length > zsetValue ? 'skiplist' : 'listpack' };
}

/**
 * A listpack keeps a score as the text "%.17g" prints, read back as an integer when it looks like one,
 * so -0 comes back as 0; a skiplist keeps the double itself.
 */
const stored = (z: ZsetValue, score: number): number => (z.encoding === 'listpack' && score === 0 ? 0 : score);

/** zsetAdd's insert or update (the caller has decided it should happen); converts as Redis does. */
export function putMember(z: ZsetValue, member: Bytes, score: number): void {
  if (z.encoding === 'listpack' && z.value.score(member) === undefined) {
    if (z.value.size + 1 > ENCODING.limits.zsetEntries || member.length > ENCODING.limits.zsetValue) z.encoding = 'skiplist';
  }
  z.value.set(member, stored(z, score));
}

/** A result built from scratch (ZUNIONSTORE, ZINTERSTORE): a listpack when small enough, as Redis converts it. */
export function zsetOf(entries: Iterable<ZEntry>): ZsetValue {
  const all = [...entries];
  const { zsetEntries, zsetValue } = ENCODING.limits;
  const small = all.length <= zsetEntries && all.every((e) => e.member.length <= zsetValue);
  const z: ZsetValue = { type: 'zset', value: new SortedSet(), encoding: small ? 'listpack' : 'skiplist' };
  for (const { member, score } of all) z.value.set(member, stored(z, score));
  return z;
}
