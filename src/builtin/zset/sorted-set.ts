import type { Bytes, SortedSetLike } from '../types.js';

export interface ZEntry {
  member: Bytes;
  score: number;
}

/** Redis's order: by score, then by member bytes (latin1 strings compare as memcmp does). */
export function compareEntries(a: ZEntry, b: ZEntry): number {
  if (a.score < b.score) return -1;
  if (a.score > b.score) return 1;
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0;
}

/**
 * A sorted set: a member → score map beside an array kept in Redis's order. Rank lookups and range
 * bounds are binary searches; inserts and removals shift the array (memmove-fast for the sizes a learner
 * or redis-benchmark builds).
 */
export class SortedSet implements SortedSetLike {
  private readonly scores = new Map<Bytes, number>();
  private readonly entries: ZEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  score(member: Bytes): number | undefined {
    return this.scores.get(member);
  }

  /** Inserts or moves `member` to `score`. */
  set(member: Bytes, score: number): void {
    const old = this.scores.get(member);
    if (old !== undefined) {
      if (old === score) return;
      this.entries.splice(this.indexOf({ member, score: old }), 1);
    }
    this.scores.set(member, score);
    const entry = { member, score };
    this.entries.splice(this.lowerBound((e) => compareEntries(e, entry) < 0), 0, entry);
  }

  remove(member: Bytes): boolean {
    const score = this.scores.get(member);
    if (score === undefined) return false;
    this.entries.splice(this.indexOf({ member, score }), 1);
    this.scores.delete(member);
    return true;
  }

  /** 0-based rank in ascending order, or undefined. */
  rank(member: Bytes): number | undefined {
    const score = this.scores.get(member);
    return score === undefined ? undefined : this.indexOf({ member, score });
  }

  at(index: number): ZEntry {
    return this.entries[index]!;
  }

  /** Entries from `start` to `end` inclusive, ascending. */
  slice(start: number, end: number): ZEntry[] {
    return this.entries.slice(start, end + 1);
  }

  /** Index of the first entry for which `before` is false (entries must be partitioned by it). */
  lowerBound(before: (e: ZEntry) => boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.entries[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Removes entries from `start` to `end` inclusive; returns them. */
  removeRange(start: number, end: number): ZEntry[] {
    const removed = this.entries.splice(start, end - start + 1);
    for (const e of removed) this.scores.delete(e.member);
    return removed;
  }

  clone(): SortedSet {
    const copy = new SortedSet();
    for (const e of this.entries) {
      copy.scores.set(e.member, e.score);
      copy.entries.push({ ...e });
    }
    return copy;
  }

  [Symbol.iterator](): IterableIterator<ZEntry> {
    return this.entries[Symbol.iterator]();
  }

  private indexOf(entry: ZEntry): number {
    return this.lowerBound((e) => compareEntries(e, entry) < 0);
  }
}
