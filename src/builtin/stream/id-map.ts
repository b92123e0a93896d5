import { idFromKey, idKey, type StreamId } from './id.js';

/**
 * A map from stream ids kept in id order (Redis keeps pending entries in radix trees keyed by the id's
 * big-endian bytes): lookups by id, walks from an id upwards.
 */
export class IdMap<V> {
  private readonly byKey = new Map<string, V>();
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  get(id: StreamId): V | undefined {
    return this.byKey.get(idKey(id));
  }

  /** Inserts when absent; false (and no change) when the id is there already. */
  add(id: StreamId, value: V): boolean {
    const key = idKey(id);
    if (this.byKey.has(key)) return false;
    this.byKey.set(key, value);
    this.keys.splice(this.lowerBound(key), 0, key);
    return true;
  }

  delete(id: StreamId): boolean {
    const key = idKey(id);
    if (!this.byKey.delete(key)) return false;
    this.keys.splice(this.lowerBound(key), 1);
    return true;
  }

  /** Entries with ids from `start` up, in order; safe while the caller deletes the entry it was given. */
  *from(start?: StreamId): Generator<[StreamId, V]> {
    let i = start === undefined ? 0 : this.lowerBound(idKey(start));
    while (i < this.keys.length) {
      const key = this.keys[i]!;
      yield [idFromKey(key), this.byKey.get(key)!];
      // The caller may have deleted `key` (or anything before it): go on from the first key after it.
      i = this.keys[i] === key ? i + 1 : this.upperBound(key);
    }
  }

  first(): StreamId | undefined {
    return this.keys.length === 0 ? undefined : idFromKey(this.keys[0]!);
  }

  last(): StreamId | undefined {
    return this.keys.length === 0 ? undefined : idFromKey(this.keys[this.keys.length - 1]!);
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
