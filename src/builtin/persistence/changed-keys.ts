import type { Database } from '../keyspace.js';
import type { Bytes } from '../types.js';

/**
 * The keys one command changed, each once, in the order first changed. Nearly every command changes one
 * key: that one is held in two fields, so a command allocates nothing here (a Map and a Set per command,
 * at hundreds of thousands of commands a second, were promoted and piled up as old-generation garbage).
 */
export class ChangedKeys {
  private db: Database | undefined;
  private key: Bytes = '';
  /** Once a second key comes: every key, by database. */
  private more: Map<Database, Set<Bytes>> | undefined;

  get empty(): boolean {
    return this.db === undefined && this.more === undefined;
  }

  /** True when the key was not held yet. */
  add(db: Database, key: Bytes): boolean {
    if (this.more === undefined) {
      if (this.db === undefined) {
        this.db = db;
        this.key = key;
        return true;
      }
      if (this.db === db && this.key === key) return false;
      this.more = new Map([[this.db, new Set([this.key])]]);
      this.db = undefined;
    }
    let keys = this.more.get(db);
    if (keys === undefined) this.more.set(db, (keys = new Set()));
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  }

  /** True when the key was held. */
  delete(db: Database, key: Bytes): boolean {
    if (this.more !== undefined) return this.more.get(db)?.delete(key) === true;
    if (this.db !== db || this.key !== key) return false;
    this.db = undefined;
    return true;
  }

  /** Forgets every key of `db` (it was emptied). */
  deleteDb(db: Database): void {
    if (this.more !== undefined) this.more.delete(db);
    else if (this.db === db) this.db = undefined;
  }

  *entries(): IterableIterator<[Database, Bytes]> {
    if (this.more === undefined) {
      if (this.db !== undefined) yield [this.db, this.key];
      return;
    }
    for (const [db, keys] of this.more) for (const key of keys) yield [db, key];
  }

  clear(): void {
    this.db = undefined;
    this.key = '';
    this.more = undefined;
  }
}
