import type { Bytes, Keyspace } from '../types.js';
import { ENCODING } from '../encoding-limits.js';
import { lookup, type ValueOf } from '../util/typed.js';

export type SetValue = ValueOf<'set'>;

/**
 * Redis 7.0 sets are intsets (integers only, up to set-max-intset-entries: 512 unless CONFIG says
 * otherwise) or hashtables; the listpack kind came in 7.2.
 */
export const SET_MAX_INTSET_ENTRIES = 512;

const INTEGER = /^(0|-?[1-9][0-9]{0,18})$/;

/** What an intset can hold: the canonical decimal form of a signed 64-bit integer (string2ll). */
export function isIntegerMember(member: Bytes): boolean {
  if (!INTEGER.test(member)) return false;
  if (member.length < 19) return true;
  const n = BigInt(member);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

export const setAt = (db: Keyspace, key: Bytes): SetValue | undefined => lookup(db, key, 'set');

/** An empty set as setTypeCreate makes it for its first member. */
export const newSet = (first: Bytes): SetValue => ({ type: 'set', value: new Set(), encoding: isIntegerMember(first) ? 'intset' : 'hashtable' });

/** setTypeAdd: true when new; a non-integer or a member past set-max-intset-entries turns an intset into a hashtable, for good. */
export function addMember(set: SetValue, member: Bytes): boolean {
  // One lookup, not has() then add(): the size grows only when the member is new.
  const size = set.value.size;
  if (set.value.add(member).size === size) return false;
  if (set.encoding === 'intset' && (set.value.size > ENCODING.limits.setIntsetEntries || !isIntegerMember(member))) set.encoding = 'hashtable';
  return true;
}

/** A set built from scratch (the STORE commands, SUNION's result): its encoding follows from its content. */
export function setOf(members: Iterable<Bytes>): SetValue {
  const set: SetValue = { type: 'set', value: new Set(), encoding: 'intset' };
  for (const m of members) addMember(set, m);
  return set;
}

/** Members in the order Redis iterates them: ascending for an intset, stored order for a hashtable. */
export function membersInOrder(set: SetValue): Bytes[] {
  const members = [...set.value];
  if (set.encoding !== 'intset') return members;
  return members.sort((a, b) => {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
