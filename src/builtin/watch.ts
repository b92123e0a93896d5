import type { Client } from './client.js';
import type { Database } from './keyspace.js';
import type { Bytes } from './types.js';

/** WATCH: which clients watch which keys, and marking them dirty when a watched key changes. */
export class WatchRegistry {
  private readonly byDb = new Map<number, Map<Bytes, Set<Client>>>();
  private count = 0;

  watch(client: Client, db: Database, key: Bytes): void {
    if (client.watched.some((w) => w.db === db.index && w.key === key)) return;
    client.watched.push({ db: db.index, key, expired: db.isLogicallyExpired(key) });
    let keys = this.byDb.get(db.index);
    if (keys === undefined) this.byDb.set(db.index, (keys = new Map()));
    let clients = keys.get(key);
    if (clients === undefined) keys.set(key, (clients = new Set()));
    clients.add(client);
    this.count++;
  }

  unwatchAll(client: Client): void {
    for (const w of client.watched) {
      const keys = this.byDb.get(w.db);
      const clients = keys?.get(w.key);
      if (clients === undefined) continue;
      clients.delete(client);
      this.count--;
      if (clients.size === 0) keys!.delete(w.key);
    }
    client.watched.length = 0;
  }

  /** Called after every write to `key`, including deletion by expiry and FLUSHDB. */
  touch(db: Database, key: Bytes): void {
    if (this.count === 0) return;
    const clients = this.byDb.get(db.index)?.get(key);
    if (clients === undefined) return;
    for (const client of [...clients]) {
      const w = client.watched.find((x) => x.db === db.index && x.key === key);
      if (w?.expired === true) {
        // Watched while already expired: its deletion changes nothing a client could have seen.
        if (!db.holdsRaw(key)) {
          w.expired = false;
          continue;
        }
      }
      client.dirtyCas = true;
      this.unwatchAll(client);
    }
  }

  /**
   * SWAPDB, before the swap (touchAllWatchedKeysInDb): a key watched in `emptied` that either database
   * holds is dirty, except that an expired key going or staying expired is no change, and a missing key
   * replaced by an expired one is only marked expired.
   */
  touchSwapped(emptied: Database, replacedWith: Database): void {
    if (this.count === 0) return;
    const keys = this.byDb.get(emptied.index);
    if (keys === undefined) return;
    for (const [key, clients] of [...keys]) {
      const inEmptied = emptied.holdsRaw(key);
      const inReplacement = replacedWith.holdsRaw(key);
      if (!inEmptied && !inReplacement) continue;
      for (const client of [...clients]) {
        const w = client.watched.find((x) => x.db === emptied.index && x.key === key);
        if (w === undefined) continue;
        if (w.expired) {
          if (!inReplacement) {
            w.expired = false;
            continue;
          }
          if (replacedWith.isLogicallyExpired(key)) continue;
        } else if (!inEmptied && replacedWith.isLogicallyExpired(key)) {
          w.expired = true;
          continue;
        }
        client.dirtyCas = true;
        this.unwatchAll(client);
      }
    }
  }

  /** EXEC also fails when a watched key has expired since, even if nothing deleted it yet. */
  anyExpired(client: Client, database: (index: number) => Database): boolean {
    return client.watched.some((w) => !w.expired && database(w.db).isLogicallyExpired(w.key));
  }
}
