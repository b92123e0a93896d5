import type { Database } from '../keyspace.js';
import type { Bytes } from '../types.js';
import { idleMs, lfuCounter } from './access.js';

/** maxmemory-policy's values, as Redis names them. */
export type EvictionPolicy = 'noeviction' | 'allkeys-lru' | 'allkeys-lfu' | 'allkeys-random' | 'volatile-lru' | 'volatile-lfu' | 'volatile-random' | 'volatile-ttl';

/** Redis's EVPOOL_SIZE: the best candidates kept across rounds. */
const POOL_SIZE = 16;
/** The most keys skipped between two samples (a walk spread over large databases, at a bounded cost). */
const MAX_SPREAD = 64;

interface Candidate {
  db: Database;
  key: Bytes;
  /** Higher is a better victim: idle time, 255 minus the LFU counter, or minus the expiry time. */
  score: number;
}

/**
 * Redis's approximated eviction: each round samples `samples` keys per database (all keys or those with
 * a TTL), keeps the best POOL_SIZE candidates by the policy's measure, and evicts the best that still
 * exists; the random policies take the next sampled key, rotating over the databases.
 */
export class Evictor {
  private pool: Candidate[] = [];
  private nextDb = 0;

  constructor(private readonly databases: readonly Database[]) {}

  /** Picks a key to evict, or undefined when the policy finds none (noeviction, no volatile keys). */
  pick(policy: EvictionPolicy, samples: number, now: number): { db: Database; key: Bytes } | undefined {
    if (policy === 'noeviction') return undefined;
    const volatile = policy.startsWith('volatile-');
    if (policy.endsWith('-random')) return this.random(volatile);
    const measure = policy.endsWith('-lru')
      ? (access: number) => idleMs(access, now)
      : policy.endsWith('-lfu')
        ? (access: number) => 255 - lfuCounter(access, now)
        : (_access: number, expiresAt: number) => -expiresAt;
    // A pool still filling up is given more rounds, so the first victims are not simply the first keys.
    const rounds = this.pool.length < POOL_SIZE ? 4 : 1;
    for (let round = 0; round < rounds; round++) {
      for (const db of this.databases) {
        const n = volatile ? db.expiresCount() : db.size();
        if (n === 0) continue;
        db.sample(samples, volatile, (key, access, expiresAt) => this.offer({ db, key, score: measure(access, expiresAt) }), Math.min(MAX_SPREAD, n >> 8));
      }
    }
    while (this.pool.length > 0) {
      const best = this.pool.pop()!;
      if (best.db.holdsRaw(best.key) && (!volatile || best.db.getExpire(best.key) !== undefined)) return best;
    }
    return undefined;
  }

  /** Keeps the pool sorted by score, ascending, at most POOL_SIZE long, one entry per key. */
  private offer(c: Candidate): void {
    const pool = this.pool;
    const same = pool.findIndex((p) => p.db === c.db && p.key === c.key);
    if (same >= 0) pool.splice(same, 1);
    if (pool.length === POOL_SIZE && c.score <= pool[0]!.score) return;
    let i = pool.length;
    while (i > 0 && pool[i - 1]!.score > c.score) i--;
    pool.splice(i, 0, c);
    if (pool.length > POOL_SIZE) pool.shift();
  }

  private random(volatile: boolean): { db: Database; key: Bytes } | undefined {
    for (let tries = 0; tries < this.databases.length; tries++) {
      const db = this.databases[this.nextDb]!;
      this.nextDb = (this.nextDb + 1) % this.databases.length;
      let found: Bytes | undefined;
      // A random number of steps along the walk, so the pick is not simply the oldest key.
      const skip = 1 + Math.floor(Math.random() * 8);
      db.sample(skip, volatile, (key) => (found = key));
      if (found !== undefined) return { db, key: found };
    }
    return undefined;
  }
}
