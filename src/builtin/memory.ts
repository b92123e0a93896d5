import type { Database } from './keyspace.js';
import type { Bytes } from './types.js';
import { Evictor, type EvictionPolicy } from './memory/eviction.js';
import { TRACK_LFU, TRACK_LRU, type MemoryTally } from './memory/tally.js';

/** A bare redis-server 7.0's used_memory before it holds any data (used_memory_startup). */
export const BASELINE_BYTES = 876_184;
/** Keys evicted at most per command before giving up (Redis bounds its eviction loop by time). */
const MAX_EVICTIONS_PER_CALL = 10_000;

/**
 * Used memory and the cap (maxmemory with its policy). Used memory is the data's size as Redis 7.0 would
 * hold it, kept by the databases as keys are written, replaced and deleted (memory/tally.ts), plus the
 * baseline of an empty server: checking it costs an addition, and FLUSHALL frees at once, as in Redis.
 */
export class MemoryGuard {
  policy: EvictionPolicy = 'noeviction';
  samples = 5;
  evictedKeys = 0;
  /** The most used memory has been when last looked at (INFO, MEMORY STATS). */
  peak = 0;
  /** Called for each evicted key: the `evicted` keyspace event hooks in here. */
  onEvicted: (db: Database, key: Bytes) => void = () => {};
  private evictor: Evictor | undefined;

  constructor(
    /** 0 or less: no cap (CONFIG SET maxmemory changes it). */
    public maxBytes: number,
    private readonly databases: readonly Database[],
    readonly tally: MemoryTally,
  ) {}

  /**
   * Older callers (the bit commands, DEBUG RELOAD) still announce writes and reloads: nothing to do,
   * the databases keep the tally on every write, replace, delete and flush.
   */
  noteWrite(_bytes: number): void {}
  invalidate(): void {}

  used(): number {
    return BASELINE_BYTES + this.tally.bytes;
  }

  /** The data alone (INFO's used_memory_dataset, MEMORY STATS's dataset.bytes). */
  dataset(): number {
    return this.tally.bytes;
  }

  overLimit(): boolean {
    return this.maxBytes > 0 && BASELINE_BYTES + this.tally.bytes > this.maxBytes;
  }

  setPolicy(policy: EvictionPolicy): void {
    this.policy = policy;
    // As Redis: the last access is kept under every policy but the LFU ones (OBJECT IDLETIME reads it).
    this.tally.track = policy.endsWith('-lfu') ? TRACK_LFU : TRACK_LRU;
  }

  /**
   * Redis's performEvictions: while over the cap, evicts keys as the policy picks them. True when the
   * data now fits (a command that may grow it can run), false when the policy found nothing to evict.
   */
  makeRoom(now: number): boolean {
    for (let n = 0; this.overLimit(); n++) {
      if (n === MAX_EVICTIONS_PER_CALL) return false;
      this.evictor ??= new Evictor(this.databases);
      const victim = this.evictor.pick(this.policy, this.samples, now);
      if (victim === undefined) return false;
      victim.db.deleteRaw(victim.key);
      this.evictedKeys++;
      this.onEvicted(victim.db, victim.key);
    }
    return true;
  }
}
