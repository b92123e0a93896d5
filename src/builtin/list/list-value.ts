import type { Bytes, Keyspace, RedisValue } from '../types.js';
import { touchedSameSize } from '../keyspace.js';
import { listSizeHolds } from '../memory/value-size.js';
import { lookup } from '../util/typed.js';
import { Deque } from './deque.js';

export type ListValue = Extract<RedisValue, { type: 'list' }> & { value: Deque };

/** Redis 7.0 reports every list as a quicklist (the listpack encoding for small lists came in 7.2). */
export const newList = (): ListValue => ({ type: 'list', value: new Deque(), encoding: 'quicklist' });

export const listAt = (db: Keyspace, key: Bytes): ListValue | undefined => lookup(db, key, 'list') as ListValue | undefined;

/** Pushes one element at the head (`left`) or the tail, creating the list when missing. */
export function push(db: Keyspace, key: Bytes, list: ListValue | undefined, element: Bytes, left: boolean): void {
  if (list === undefined) {
    const created = newList();
    created.value.push(element);
    db.set(key, created);
    return;
  }
  if (left) list.value.unshift(element);
  else list.value.push(element);
  listTouched(db, key, list);
}

/** Pops one element from the head or the tail of a non-empty list; an emptied list loses its key. */
export function pop(db: Keyspace, key: Bytes, list: ListValue, left: boolean): Bytes {
  const element = (left ? list.value.shift() : list.value.pop())!;
  listWritten(db, key, list);
  return element;
}

/**
 * db.touched(key) after a push or pop: a list of one value whose length stays where its memory figure
 * does (most pushes of redis-benchmark's LPUSH: a node's listpack moves up a jemalloc class every few
 * hundred bytes) keeps the figure, and is not estimated again.
 */
export function listTouched(db: Keyspace, key: Bytes, list: ListValue): void {
  if (listSizeHolds(list.value)) touchedSameSize(db, key);
  else db.touched(key);
}

/** afterWrite for a list: deleted when emptied, else listTouched. */
export function listWritten(db: Keyspace, key: Bytes, list: ListValue): void {
  if (list.value.length === 0) db.delete(key);
  else listTouched(db, key, list);
}

/** LEFT or RIGHT, as LMOVE and BLMOVE read them; undefined for anything else. */
export function side(arg: Buffer): boolean | undefined {
  const word = arg.toString('latin1').toLowerCase();
  return word === 'left' ? true : word === 'right' ? false : undefined;
}
