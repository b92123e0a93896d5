import type { Database } from './keyspace.js';
import type { RedisValue } from './types.js';

/**
 * Per-object overheads (bytes) measured on V8 (a small string key costs about 285 bytes of heap, a list
 * element about 56, a hash field and value about 107), so the cap tracks what the data really takes
 * in this process, which is more than Redis would need for it.
 */
const KEY_OVERHEAD = 200;
const ELEMENT_OVERHEAD = 48;
/** A full recount is at most this frequent while the estimate sits above the cap. */
const RECOUNT_EVERY_MS = 250;

/**
 * The memory cap (Redis's maxmemory with the noeviction policy). Used memory is estimated as the size
 * of the data: a full count of every value now and then, plus the bytes that writes brought in since.
 * Counting the data (not the process heap) keeps the figure independent of the tutor itself and of
 * when V8 collects garbage, so FLUSHALL frees room at once, as it does in Redis.
 */
export class MemoryGuard {
  private counted = 0;
  private sinceCount = 0;
  private countedAt = -Infinity;

  constructor(
    /** 0 or less: no cap (CONFIG SET maxmemory changes it). */
    public maxBytes: number,
    private readonly databases: readonly Database[],
  ) {}

  /** Called with the argument bytes of each write command. */
  noteWrite(bytes: number): void {
    this.sinceCount += bytes;
  }

  /** Called after FLUSHALL/FLUSHDB: the next check counts again. */
  invalidate(): void {
    this.countedAt = -Infinity;
  }

  used(now: number): number {
    if (now - this.countedAt > RECOUNT_EVERY_MS * 40) this.recount(now);
    return this.counted + this.sinceCount;
  }

  /** True when a command that may grow the data must be refused. */
  overLimit(now: number): boolean {
    if (this.maxBytes <= 0) return false;
    if (this.counted + this.sinceCount <= this.maxBytes && this.countedAt !== -Infinity) return false;
    if (now - this.countedAt >= RECOUNT_EVERY_MS) this.recount(now);
    return this.counted + this.sinceCount > this.maxBytes;
  }

  private recount(now: number): void {
    let total = 0;
    for (const db of this.databases) {
      if (db.size() === 0) continue;
      for (const [key, entry] of db.entries()) total += KEY_OVERHEAD + key.length + sizeOf(entry.value);
    }
    this.counted = total;
    this.sinceCount = 0;
    this.countedAt = now;
  }
}

export function sizeOf(v: RedisValue): number {
  switch (v.type) {
    case 'string':
      return v.value.length + ELEMENT_OVERHEAD;
    case 'list': {
      let n = 0;
      for (const item of v.value) n += item.length + ELEMENT_OVERHEAD;
      return n;
    }
    case 'hash': {
      let n = 0;
      for (const [f, x] of v.value) n += f.length + x.length + 2 * ELEMENT_OVERHEAD;
      return n;
    }
    case 'set': {
      let n = 0;
      for (const m of v.value) n += m.length + ELEMENT_OVERHEAD;
      return n;
    }
    case 'zset':
      return v.value.size * 3 * ELEMENT_OVERHEAD;
    case 'stream':
      return v.value.approximateBytes();
  }
}
