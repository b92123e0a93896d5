import type { Bytes, Keyspace, RedisValue } from './types.js';
import { EXPIRE_ENTRY, MemoryTally, resizedSlots, TRACK_NONE } from './memory/tally.js';
import { accessed, fresh } from './memory/access.js';
import { StoredString, storedString, toStored, type StringEncoding } from './stored-string.js';

/** What a database tells the rest of the engine: writes (for WATCH) and keys that may wake blocked clients. */
export interface KeyspaceEvents {
  /** Milliseconds since the epoch, frozen per command by the dispatcher. */
  readonly clock: { now: number };
  /**
   * `cause`: the key went because its time passed (no change for the save points, as in Redis), or its
   * database was emptied (`flushed` has counted it already).
   */
  modified(db: Database, key: Bytes, cause?: ChangeCause): void;
  /** A key was added (Redis's dbAdd): the `new` keyspace event. */
  created(db: Database, key: Bytes): void;
  /** The database was emptied of `keys` keys (FLUSHDB, FLUSHALL); `modified` follows for each, for WATCH. */
  flushed(db: Database, keys: number): void;
  /** A key was written: clients blocked on it may be served. */
  maybeReady(db: Database, key: Bytes): void;
}

export type ChangeCause = 'expired' | 'flush';

/** A key's entry for any value but a string (a string is its own entry: stored-string.ts). */
class Entry {
  constructor(
    public value: RedisValue,
    /** Creation order, which SCAN's cursor follows: a key that stays is never skipped or repeated. */
    public seq: number,
    /** What the value takes (memory/tally.ts), as counted in the tally when it was last written. */
    public mem: number,
    /** LRU or LFU state for eviction (memory/access.ts), kept only while the policy needs it. */
    public access: number,
  ) {}
}

/** What the keyspace holds per key: seq, mem and access on the entry, or on the string value itself. */
type Slot = Entry | StoredString;

const valueOf = (slot: Slot): RedisValue => (slot instanceof StoredString ? slot : slot.value);

/** One logical database: keys in insertion order, TTLs kept apart, expiry both lazy and sampled. */
export class Database implements Keyspace {
  private data = new Map<Bytes, Slot>();
  private expires = new Map<Bytes, number>();
  private nextSeq = 1;
  private expireCursor: IterableIterator<[Bytes, number]> | undefined;
  /** Where the last SCAN stopped: the entry at the cursor it returned, and the walk after it. */
  private scanResume: { next: number; pending: [Bytes, Slot]; rest: IterableIterator<[Bytes, Slot]> } | undefined;

  /** The main dict's and the expires dict's table sizes, as Redis would have them (memory accounting). */
  private slots = 0;
  private expireSlots = 0;
  /** This database's share of the tally, taken back in one step by a flush. */
  private used = 0;
  /** Where eviction's sampling goes on from: one walk over the keys, one over the keys with a TTL. */
  private sampleCursor: IterableIterator<Bytes> | undefined;
  private volatileCursor: IterableIterator<Bytes> | undefined;

  constructor(
    readonly index: number,
    private readonly events: KeyspaceEvents,
    readonly tally: MemoryTally = new MemoryTally(),
  ) {}

  private account(delta: number): void {
    this.used += delta;
    this.tally.bytes += delta;
  }

  /** Grows or shrinks the tables' share of the tally as Redis's dicts would resize. */
  private resize(): void {
    const slots = resizedSlots(this.slots, this.data.size);
    const expireSlots = resizedSlots(this.expireSlots, this.expires.size);
    if (slots === this.slots && expireSlots === this.expireSlots) return;
    this.account(8 * (slots - this.slots + expireSlots - this.expireSlots));
    this.slots = slots;
    this.expireSlots = expireSlots;
  }

  /** Takes a key out of the data and the tally; true when it was held. */
  private drop(key: Bytes): boolean {
    const entry = this.data.get(key);
    if (entry === undefined) return false;
    this.data.delete(key);
    entry.seq = 0;
    this.account(-entry.mem - (this.expires.delete(key) ? EXPIRE_ENTRY : 0));
    this.resize();
    return true;
  }

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
    if (this.tally.track !== TRACK_NONE) entry.access = accessed(this.tally.track, entry.access, this.events.clock.now);
    return entry instanceof StoredString ? entry : entry.value;
  }

  /** The live value without counting an access (Redis's LOOKUP_NOTOUCH: OBJECT, the access state's readers). */
  peekLive(key: Bytes): RedisValue | undefined {
    const entry = this.data.get(key);
    if (entry === undefined) return undefined;
    if (this.isLogicallyExpired(key)) {
      this.removeExpired(key);
      return undefined;
    }
    return valueOf(entry);
  }

  /** A key's access state (memory/access.ts), 0 when missing. */
  accessState(key: Bytes): number {
    return this.data.get(key)?.access ?? 0;
  }

  setAccessState(key: Bytes, state: number): void {
    const entry = this.data.get(key);
    if (entry !== undefined) entry.access = state;
  }

  /** SWAPDB: the two databases trade everything they hold (keys, TTLs, cursors, their share of the tally). */
  swapWith(other: Database): void {
    [this.data, other.data] = [other.data, this.data];
    [this.expires, other.expires] = [other.expires, this.expires];
    [this.nextSeq, other.nextSeq] = [other.nextSeq, this.nextSeq];
    [this.expireCursor, other.expireCursor] = [other.expireCursor, this.expireCursor];
    [this.scanResume, other.scanResume] = [other.scanResume, this.scanResume];
    [this.slots, other.slots] = [other.slots, this.slots];
    [this.expireSlots, other.expireSlots] = [other.expireSlots, this.expireSlots];
    [this.used, other.used] = [other.used, this.used];
    [this.sampleCursor, other.sampleCursor] = [other.sampleCursor, this.sampleCursor];
    [this.volatileCursor, other.volatileCursor] = [other.volatileCursor, this.volatileCursor];
  }

  /** The value held, expired or not, without expiring it (for the engine's files). */
  peek(key: Bytes): RedisValue | undefined {
    const entry = this.data.get(key);
    return entry === undefined ? undefined : valueOf(entry);
  }

  /** Deletes a key whether or not its time has passed (replaying a file). */
  deleteRaw(key: Bytes): void {
    if (!this.drop(key)) return;
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
    if (value instanceof StoredString) this.putString(key, entry, value === entry || value.seq === 0 ? value : value.copy());
    else if (value.type === 'string') this.putString(key, entry, toStored(value));
    else this.putValue(key, entry, value);
    this.written(key, options?.keepTtl === true);
  }

  setString(key: Bytes, bytes: string | Buffer, encoding: StringEncoding, options?: { keepTtl?: boolean }): void {
    const entry = this.data.get(key);
    if (entry instanceof StoredString) {
      // An overwrite (MSET's repeated keys, SET of a held key): the entry takes the bytes, no value made;
      // the same length and encoding take the same memory, so the tally stays as it is.
      const same = entry.length === bytes.length && entry.encoding === encoding;
      entry.assign(bytes, encoding);
      if (!same) {
        const mem = this.tally.stringKeyBytes(key, entry);
        this.account(mem - entry.mem);
        entry.mem = mem;
      }
    } else this.putString(key, entry, typeof bytes === 'string' ? new StoredString(bytes, encoding) : storedString(bytes, encoding));
    this.written(key, options?.keepTtl === true);
  }

  /** After a value was stored: its TTL cleared unless kept, then the write's events. */
  private written(key: Bytes, keepTtl: boolean): void {
    if (!keepTtl && this.expires.size !== 0 && this.expires.delete(key)) {
      this.account(-EXPIRE_ENTRY);
      this.resize();
    }
    this.events.modified(this, key);
    this.events.maybeReady(this, key);
  }

  /** set() of a string value that no other key holds (or that this key holds already). */
  private putString(key: Bytes, entry: Slot | undefined, stored: StoredString): void {
    const mem = this.tally.stringKeyBytes(key, stored);
    if (entry === undefined) {
      stored.seq = this.nextSeq++;
      stored.mem = mem;
      stored.access = fresh(this.tally.track, this.events.clock.now);
      this.data.set(key, stored);
      this.added(key, mem);
      return;
    }
    this.account(mem - entry.mem);
    if (entry instanceof StoredString) {
      // The entry, long-lived, takes the new bytes: replacing it would leave it garbage in the old generation.
      if (stored !== entry) entry.takeBytes(stored);
      entry.mem = mem;
      return;
    }
    stored.seq = entry.seq;
    stored.mem = mem;
    stored.access = entry.access;
    this.data.set(key, stored);
  }

  /** set() of any value but a string. */
  private putValue(key: Bytes, entry: Slot | undefined, value: RedisValue): void {
    const mem = this.tally.keyBytes(key, value);
    if (entry === undefined) {
      this.data.set(key, new Entry(value, this.nextSeq++, mem, fresh(this.tally.track, this.events.clock.now)));
      this.added(key, mem);
      return;
    }
    this.account(mem - entry.mem);
    if (entry instanceof Entry) {
      entry.value = value;
      entry.mem = mem;
      return;
    }
    this.data.set(key, new Entry(value, entry.seq, mem, entry.access));
    entry.seq = 0;
  }

  /** A new key is in the data: its share of the tally, the table's growth, the `new` event. */
  private added(key: Bytes, mem: number): void {
    this.account(mem);
    this.resize();
    this.events.created(this, key);
  }

  delete(key: Bytes): boolean {
    if (this.get(key) === undefined) return false;
    this.drop(key);
    this.events.modified(this, key);
    return true;
  }

  getExpire(key: Bytes): number | undefined {
    return this.expires.size === 0 ? undefined : this.expires.get(key);
  }

  setExpire(key: Bytes, atMs: number | undefined): void {
    const had = this.expires.size;
    if (atMs === undefined) this.expires.delete(key);
    else this.expires.set(key, atMs);
    if (this.expires.size !== had) {
      this.account((this.expires.size - had) * EXPIRE_ENTRY);
      this.resize();
    }
    this.events.modified(this, key);
  }

  touched(key: Bytes): void {
    const entry = this.data.get(key);
    if (entry !== undefined) {
      const mem = this.tally.keyBytes(key, valueOf(entry));
      this.account(mem - entry.mem);
      entry.mem = mem;
    }
    this.events.modified(this, key);
    this.events.maybeReady(this, key);
  }

  /**
   * touched() after a write that left the value's memory figure as it was (touchedSameSize): the events
   * only, without the estimate's walk of the value (a listpack hash's every field).
   */
  touchedInPlace(key: Bytes): void {
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
    // The key it stopped at must still hold the same entry (a SET replaces a string's entry, keeping its seq).
    const current = resume === undefined ? undefined : this.data.get(resume.pending[0]);
    const resumed = resume !== undefined && cursor !== 0 && resume.next === cursor && current !== undefined && current.seq === resume.next;
    const rest = resumed ? resume.rest : this.data.entries();
    let pending: [Bytes, Slot] | undefined = resumed ? [resume.pending[0], current!] : undefined;
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

  /** What the main dict's and the expires dict's tables take (MEMORY STATS). */
  tableBytes(): { main: number; expires: number } {
    return { main: 8 * this.slots, expires: 8 * this.expireSlots };
  }

  /**
   * Eviction's sample: up to `count` keys (only those with a TTL when `volatile`), walking on from where
   * the last sample stopped and skipping up to `spread` keys at random between two (keys next to each
   * other were written together), each with its access state and expiry time (Infinity for none).
   */
  sample(count: number, volatile: boolean, visit: (key: Bytes, access: number, expiresAt: number) => void, spread = 0): void {
    let seen = 0;
    let wrapped = false;
    let skip = 0;
    while (seen < count) {
      const cursor = volatile ? (this.volatileCursor ??= this.expires.keys()) : (this.sampleCursor ??= this.data.keys());
      const step = cursor.next();
      if (step.done === true) {
        if (volatile) this.volatileCursor = undefined;
        else this.sampleCursor = undefined;
        if (wrapped || (volatile ? this.expires.size : this.data.size) === 0) return;
        wrapped = true;
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      const entry = this.data.get(step.value);
      if (entry === undefined) continue;
      visit(step.value, entry.access, this.expires.size === 0 ? Infinity : (this.expires.get(step.value) ?? Infinity));
      seen++;
      skip = spread > 0 ? Math.floor(Math.random() * (spread + 1)) : 0;
    }
  }

  /** Every held entry, for memory estimates. */
  entries(): IterableIterator<[Bytes, Slot]> {
    return this.data.entries();
  }

  flush(): void {
    this.scanResume = undefined;
    const keys = [...this.data.keys()];
    this.data.clear();
    this.expires.clear();
    this.account(-this.used);
    this.slots = 0;
    this.expireSlots = 0;
    this.sampleCursor = undefined;
    this.volatileCursor = undefined;
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
    this.drop(key);
    this.events.modified(this, key, 'expired');
  }
}

/**
 * db.touched(key) for a write its caller knows the memory estimate counts the same (an overwrite by a
 * value of the same size, the encoding kept): the figure stands, so it is not computed again.
 */
export function touchedSameSize(db: Keyspace, key: Bytes): void {
  if (db instanceof Database) db.touchedInPlace(key);
  else db.touched(key);
}
