import type { Bytes, Keyspace } from '../types.js';

/**
 * lookupKeyByPattern: SORT's BY and GET patterns. "#" is the element itself; otherwise the first "*"
 * is replaced by the element, and a "->field" after it reads that field of a hash. A pattern without
 * "*", a missing key or a key of another type gives undefined.
 */
export function lookupByPattern(db: Keyspace, pattern: Bytes, element: Bytes): Bytes | undefined {
  if (pattern === '#') return element;
  const star = pattern.indexOf('*');
  if (star < 0) return undefined;
  const arrow = pattern.indexOf('->', star + 1);
  const hasField = arrow >= 0 && arrow + 2 < pattern.length;
  const key = pattern.slice(0, star) + element + pattern.slice(star + 1, hasField ? arrow : pattern.length);
  const value = db.get(key);
  if (value === undefined) return undefined;
  if (hasField) return value.type === 'hash' ? value.value.get(pattern.slice(arrow + 2)) : undefined;
  return value.type === 'string' ? value.value.toString('latin1') : undefined;
}
