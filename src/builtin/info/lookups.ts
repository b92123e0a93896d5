import type { Database } from '../keyspace.js';
import type { EngineStats } from './stats.js';
import type { Notifier } from '../notify/notifier.js';
import type { CommandEntry } from '../command-entry.js';
import { toBytes } from '../types.js';

/**
 * keyspace_hits and keyspace_misses (and the `keymiss` event): Redis counts them in lookupKeyRead, which
 * the read-only commands use; the engine counts, after a read-only command, each key it names by
 * position as a hit when held and a miss when not (a key it found expired is gone by then: a miss).
 */
export function countLookups(stats: EngineStats, notify: Notifier, spec: CommandEntry, args: Buffer[], db: Database): void {
  if (!spec.readsKeys) return;
  const last = spec.lastKey < 0 ? args.length + spec.lastKey : Math.min(spec.lastKey, args.length - 1);
  for (let i = spec.firstKey; i <= last; i += spec.step || 1) {
    const key = toBytes(args[i]!);
    if (db.holdsRaw(key) && (db.expiresCount() === 0 || !db.isLogicallyExpired(key))) stats.keyspaceHits++;
    else {
      stats.keyspaceMisses++;
      if (notify.flags !== 0) notify.emit('m', 'keymiss', key, db.index);
    }
  }
}
