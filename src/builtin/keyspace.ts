import type { Bytes, Keyspace, RedisValue } from './types.js';

/** What a database tells the rest of the engine: writes (for WATCH) and keys that may wake blocked clients. */
export interface KeyspaceEvents {
  /** Milliseconds since the epoch, frozen per command by the dispatcher. */
  readonly clock: { now: number };
  /**
   * `cause`: the key went because its time passed (no change for the save points, as in Redis), or its
   * database was emptied (`flushed` has counted it already).
   */
  modified(db: Database, key: Bytes, cause?: ChangeCause): void;
  /** The database was emptied of `keys` keys (FLUSHDB, FLUSHALL); `modified` follows for each, for WATCH. */
  flushed(db: Database, keys: number): void;
  /** A key was written: clients blocked on it may be served. */
  maybeReady(db: Database, key: Bytes): void;
}

export type ChangeCause = 'expired' | 'flush';

interface Entry {
  value: RedisValue;
  /** Creation order, which SCAN's cursor follows: a key that stays is never skipped or repeated. */
  seq: number;
}

/** One logical database: keys in insertion order, TTLs kept apart, expiry both lazy and sampled. */
export class Database implements Keyspace {
  private readonly data = new Map<Bytes, Entry>();
  private readonly expires = new Map<Bytes, number>();
  private nextSeq = 1;
  private expireCursor: IterableIterator<[Bytes, number]> | undefined;
  /** Where the last SCAN stopped: the entry at the cursor it returned, and the walk after it. */
  private scanResume: { next: number; pending: [Bytes, Entry]; rest: IterableIterator<[Bytes, Entry]> } | undefined;

  constructor(
    readonly index: number,
    private readonly events: KeyspaceEvents,
  ) {}

  get(key: Bytes): RedisValue | undefined {
    const entry = this.data.get(key);
    if (entry === undefined) return undefined;
    if (this.expires.size !== 0) {
      const at = this.expires.get(key);
      if (at !== undefined && at <= this.events.clock.now) {
        this.removeExpired(key);
        return undefined;
      }
    }
    return entry.value;
  }

  /** The value held, expired or not, without expiring it (for the engine's files). */
  peek(key: Bytes): RedisValue | undefined {
    return this.data.get(key)?.value;
  }

  /** Deletes a key whether or not its time has passed (replaying a file). */
  deleteRaw(key: Bytes): void {
    if (!this.data.delete(key)) return;
    this.expires.delete(key);
    this.events.modified(this, key);
  }

  /** True when the key is held but its time has passed (still in memory until read or sampled). */
  isLogicallyExpired(key: Bytes): boolean {
    const at = this.expires.get(key);
    return at !== undefined && at <= this.events.clock.now && this.data.has(key);
  }

  /** Held in memory, expired or not (what Redis's dictFind sees). */
  holdsRaw(key: Bytes): boolean {
    return this.data.has(key);
  }

  has(key: Bytes): boolean {
    return this.get(key) !== undefined;
  }

  set(key: Bytes, value: RedisValue, options?: { keepTtl?: boolean }): void {
    const entry = this.data.get(key);
    if (entry === undefined) {
      this.data.set(key, { value, seq: this.nextSeq++ });
    } else {
      entry.value = value;
    }
    if (options?.keepTtl !== true && this.expires.size !== 0) this.expires.delete(key);
    this.events.modified(this, key);
    this.events.maybeReady(this, key);
  }

  delete(key: Bytes): boolean {
    if (this.get(key) === undefined) return false;
    this.data.delete(key);
    this.expires.delete(key);
    this.events.modified(this, key);
    return true;
  }

  getExpire(key: Bytes): number | undefined {
    return this.expires.size === 0 ? undefined : this.expires.get(key);
  }

  setExpire(key: Bytes, atMs: number | undefined): void {
    if (atMs === undefined) this.expires.delete(key);
    else this.expires.set(key, atMs);
    this.events.modified(this, key);
  }

  touched(key: Bytes): void {
    this.events.modified(this, key);
    this.events.maybeReady(this, key);
  }

  size(): number {
    return this.data.size;
  }

  expiresCount(): number {
    return this.expires.size;
  }

  *keys(): IterableIterator<Bytes> {
    const now = this.events.clock.now;
    for (const key of this.data.keys()) {
      const at = this.expires.size === 0 ? undefined : this.expires.get(key);
      if (at === undefined || at > now) yield key;
    }
  }

  /**
   * One SCAN step: visits up to `count` keys in creation order from `cursor`, returning the keys (expired
   * ones too: SCAN filters by pattern first, then expires) and the next cursor (0 when done). Keys
   * created during a scan come after it and may or may not be seen.
   */
  scan(cursor: number, count: number): { keys: Bytes[]; next: number } {
    // A SCAN loop asks for the cursor the last call returned: go on from there rather than walk the keys
    // before it again (that made a full loop quadratic). Map iterators stay valid across writes.
    const resume = this.scanResume;
    this.scanResume = undefined;
    const resumed = resume !== undefined && cursor !== 0 && resume.next === cursor && this.data.get(resume.pending[0]) === resume.pending[1];
    const rest = resumed ? resume.rest : this.data.entries();
    let pending = resumed ? resume.pending : undefined;
    const keys: Bytes[] = [];
    let visited = 0;
    for (;;) {
      const item = pending ?? rest.next().value;
      pending = undefined;
      if (item === undefined) return { keys, next: 0 };
      const [key, entry] = item;
      if (entry.seq < cursor) continue;
      if (visited === count) {
        this.scanResume = { next: entry.seq, pending: item, rest };
        return { keys, next: entry.seq };
      }
      visited++;
      keys.push(key);
    }
  }

  randomKey(): Bytes | undefined {
    while (this.data.size > 0) {
      let pick = Math.floor(Math.random() * this.data.size);
      let found: Bytes | undefined;
      for (const key of this.data.keys()) {
        if (pick-- === 0) {
          found = key;
          break;
        }
      }
      if (found === undefined) return undefined;
      if (this.get(found) !== undefined) return found;
    }
    return undefined;
  }

  /** Every key, live or not: what FLUSHDB empties and what WATCH must hear about. */
  allKeys(): IterableIterator<Bytes> {
    return this.data.keys();
  }

  /** Every held entry, for memory estimates. */
  entries(): IterableIterator<[Bytes, Entry]> {
    return this.data.entries();
  }

  flush(): void {
    this.scanResume = undefined;
    const keys = [...this.data.keys()];
    this.data.clear();
    this.expires.clear();
    this.expireCursor = undefined;
    this.events.flushed(this, keys.length);
    for (const key of keys) this.events.modified(this, key, 'flush');
  }

  /**
   * The active expiry step: checks up to `budget` keys with a TTL, continuing where the last call
   * stopped, and deletes those whose time has passed. Returns how many it checked and how many expired.
   */
  activeExpire(budget: number): { checked: number; expired: number } {
    let checked = 0;
    let expired = 0;
    const now = this.events.clock.now;
    if (this.expires.size === 0) return { checked, expired };
    while (checked < budget) {
      this.expireCursor ??= this.expires.entries();
      const step = this.expireCursor.next();
      if (step.done === true) {
        this.expireCursor = undefined;
        if (checked >= this.expires.size) break;
        if (this.expires.size === 0) break;
        continue;
      }
      checked++;
      const [key, at] = step.value;
      if (at <= now) {
        this.removeExpired(key);
        expired++;
      }
    }
    return { checked, expired };
  }

  /**
   * Deletes every key whose time has passed, all at once: after the clock jumps, what many cron runs
   * would have done over that time, so DBSIZE, KEYS, SCAN and INFO agree with the TTLs straight away.
   */
  sweepExpired(): number {
    const now = this.events.clock.now;
    let expired = 0;
    for (const [key, at] of this.expires) {
      if (at > now) continue;
      this.removeExpired(key);
      expired++;
    }
    return expired;
  }

  private removeExpired(key: Bytes): void {
    this.data.delete(key);
    this.expires.delete(key);
    this.events.modified(this, key, 'expired');
  }
}
