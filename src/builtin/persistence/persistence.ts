import { existsSync } from 'node:fs';
import type { Database } from '../keyspace.js';
import type { Bytes } from '../types.js';
import { AppendOnlyFile } from './aof.js';
import { ChangedKeys } from './changed-keys.js';
import type { ConfigValues } from './config-params.js';
import { aofPath, readIfThere, snapshotPath, writeAtomically } from './files.js';
import { datasetLines, headerLine, keyRecord, replay, type LoadCounts, type Rerun } from './records.js';
import { saveDue, savePoints } from './save-points.js';

/** Redis's auto-aof-rewrite-min-size (64mb) and auto-aof-rewrite-percentage (100). */
const AOF_REWRITE_MIN = 64 * 1024 * 1024;

export interface PersistenceHost {
  readonly databases: readonly Database[];
  readonly config: ConfigValues;
  /** The engine's clock (ms since the epoch). */
  now(): number;
  /** Runs a command from the AOF (loading): on database `db`, with the clock at `t`. */
  rerun: Rerun;
}

/**
 * Snapshots and the append-only file in the engine's folder. Every change to a key reaches `noteChange`
 * (through the keyspace's events); at the end of each command `commandDone` counts Redis's `dirty` (one
 * per changed key, or the elements the command changed: dirty-counts.ts) and, with appendonly on,
 * appends each changed key's whole value or deletion (a replayable command as sent: replayable.ts) to
 * the AOF, so a replay gives exactly the state the clients were told of.
 */
export class Persistence {
  /** Changes since the last snapshot (rdb_changes_since_last_save). */
  dirty = 0;
  /** ms on the engine's clock of the last successful snapshot, or of the start. */
  lastSave: number;
  saves = 0;
  /** Whether the last SAVE, BGSAVE or save point wrote its file (rdb_last_bgsave_status). */
  lastSaveOk = true;
  aofRewrites = 0;
  lastLoad: LoadCounts = { loaded: 0, expired: 0 };
  private aof: AppendOnlyFile | undefined;
  private readonly changed = new ChangedKeys();
  private flushed: string[] = [];
  private loading = false;
  /** This command's changes so far (one per key), and Redis's own count when the command gives one. */
  private commandDirty = 0;
  private elements: number | undefined;
  /** This command as the AOF may record it (persistence/replayable.ts). */
  private asSent: { db: Database; key: Bytes; line: string } | undefined;
  private scheduled = false;
  /** Handlers running (EXEC nests them): their end writes, so no turn-end write is needed. */
  depth = 0;
  private lastFsync = 0;
  private lastSaveTry = 0;

  constructor(private readonly host: PersistenceHost) {
    this.lastSave = host.now();
  }

  get aofOn(): boolean {
    return this.aof !== undefined;
  }

  get aofSize(): { current: number; base: number } {
    return { current: this.aof?.size ?? 0, base: this.aof?.baseSize ?? 0 };
  }

  private get dir(): string {
    return this.host.config.get('dir')!;
  }

  get snapshotFile(): string {
    return snapshotPath(this.dir, this.host.config.get('dbfilename')!);
  }

  get aofFile(): string {
    return aofPath(this.dir, this.host.config.get('appenddirname')!, this.host.config.get('appendfilename')!);
  }

  /** A key changed (or expired: that is written to the AOF but is no change for the save points). */
  noteChange(db: Database, key: Bytes, expired: boolean): void {
    if (this.loading) return;
    if (!this.changed.add(db, key)) return;
    if (!expired) this.commandDirty++;
    // Writes outside a command (active expiry, a clock advance) are written at the end of this turn.
    if (this.depth === 0 && !this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.commandDone());
    }
  }

  /** A database was emptied (FLUSHDB/FLUSHALL): each key it held counts, as Redis's emptyData does. */
  noteFlush(db: Database, keys: number): void {
    if (this.loading) return;
    this.commandDirty += keys;
    this.changed.deleteDb(db);
    if (this.aof !== undefined) this.flushed.push(JSON.stringify({ flush: db.index }));
  }

  /** The command may be recorded as sent (its key `key` is all it changes); used when the AOF is on. */
  recordAsSent(db: Database, key: Bytes, now: number, args: Buffer[]): void {
    if (this.aof === undefined) return;
    this.asSent = { db, key, line: JSON.stringify({ db: db.index, t: now, cmd: args.map((a) => a.toString('latin1')) }) };
  }

  /** The command changed this many elements, as Redis counts its `dirty` (see dirty-counts.ts). */
  countElements(n: number): void {
    this.elements = n;
  }

  /** The end of a command: counts its changes, and appends them to the AOF before its reply goes out. */
  commandDone(): void {
    this.scheduled = false;
    this.dirty += this.elements ?? this.commandDirty;
    this.elements = undefined;
    this.commandDirty = 0;
    const asSent = this.asSent;
    this.asSent = undefined;
    if (this.changed.empty && this.flushed.length === 0) return;
    if (this.aof !== undefined) {
      let text = '';
      for (const line of this.flushed) text += line + '\n';
      // The command's own key as the command (when it changed), after any other key it touched (expiry).
      const sent = asSent !== undefined && this.changed.delete(asSent.db, asSent.key);
      for (const [db, key] of this.changed.entries()) text += keyRecord(db, key) + '\n';
      if (sent) text += asSent.line + '\n';
      this.aof.append(text, this.host.config.get('appendfsync')!);
    }
    this.changed.clear();
    // Only when there was one: a write command must not make a new array each time.
    if (this.flushed.length > 0) this.flushed = [];
    if (this.aof !== undefined && this.aof.size > AOF_REWRITE_MIN && this.aof.size > 2 * this.aof.baseSize) this.rewriteAof();
  }

  /** SAVE, BGSAVE, a save point, SHUTDOWN: the whole dataset to the snapshot file. */
  save(): void {
    this.commandDone();
    writeAtomically(this.snapshotFile, [headerLine('snapshot', this.host.now()), ...datasetLines(this.host.databases)]);
    this.dirty = 0;
    this.lastSave = this.host.now();
  }

  /** SAVE, BGSAVE, a save point: a snapshot counted in INFO; false when the file could not be written. */
  backgroundSave(): boolean {
    try {
      this.save();
    } catch {
      this.lastSaveOk = false;
      return false;
    }
    this.lastSaveOk = true;
    this.saves++;
    return true;
  }

  /** BGREWRITEAOF, and `appendonly yes`: the whole dataset as a fresh AOF base, then appends continue. */
  rewriteAof(): void {
    this.commandDone();
    const wasOn = this.aof !== undefined;
    this.aof?.close();
    this.aof = undefined;
    writeAtomically(this.aofFile, [headerLine('aof', this.host.now()), ...datasetLines(this.host.databases)]);
    this.aofRewrites++;
    if (wasOn) this.openAof();
  }

  startAof(): void {
    if (this.aof !== undefined) return;
    this.commandDone();
    writeAtomically(this.aofFile, [headerLine('aof', this.host.now()), ...datasetLines(this.host.databases)]);
    this.aofRewrites++;
    this.openAof();
  }

  stopAof(): void {
    this.commandDone();
    this.aof?.close();
    this.aof = undefined;
  }

  private openAof(): void {
    this.aof = new AppendOnlyFile(this.aofFile);
    this.aof.baseSize = this.aof.size;
  }

  /** Redis's serverCron: fsync once a second (everysec) and the save points. */
  cron(): void {
    const now = this.host.now();
    if (this.aof !== undefined && now - this.lastFsync >= 1000) {
      this.lastFsync = now;
      this.aof.syncIfDue(this.host.config.get('appendfsync')!);
    }
    const points = savePoints(this.host.config.get('save')!);
    if (points.length === 0) return;
    // After a failure Redis waits 5 s (CONFIG_BGSAVE_RETRY_DELAY) before the save points try again.
    const retry = this.lastSaveOk || now - this.lastSaveTry > 5000;
    if (retry && saveDue(points, this.dirty, Math.floor(now / 1000), Math.floor(this.lastSave / 1000))) {
      this.lastSaveTry = now;
      this.backgroundSave();
    }
  }

  /**
   * A start: empty databases filled as Redis loads them, from the AOF when appendonly is yes (a missing
   * AOF means an empty dataset, whatever the snapshot holds, and a new AOF), else from the snapshot.
   */
  load(): void {
    this.stopAof();
    this.loading = true;
    try {
      for (const db of this.host.databases) db.flush();
      const aofOn = this.host.config.get('appendonly') === 'yes';
      const text = readIfThere(aofOn ? this.aofFile : this.snapshotFile);
      this.lastLoad = text === undefined ? { loaded: 0, expired: 0 } : replay(text, aofOn ? 'aof' : 'snapshot', this.host.databases, this.host.rerun);
    } finally {
      this.changed.clear();
      this.flushed = [];
      this.loading = false;
    }
    this.dirty = 0;
    this.lastSave = this.host.now();
    this.lastSaveOk = true;
    this.saves = 0;
    this.aofRewrites = 0;
    if (this.host.config.get('appendonly') === 'yes') {
      if (!existsSync(this.aofFile)) this.startAof();
      else this.openAof();
    }
  }

  /**
   * DEBUG RELOAD (the snapshot) and DEBUG LOADAOF: the databases emptied (unless `keep`) and filled from
   * the file, which is not written to; false when there is no such file.
   */
  reloadFrom(kind: 'snapshot' | 'aof', keep: boolean): boolean {
    this.commandDone();
    const text = readIfThere(kind === 'aof' ? this.aofFile : this.snapshotFile);
    if (text === undefined) return false;
    this.loading = true;
    try {
      if (!keep) for (const db of this.host.databases) db.flush();
      this.lastLoad = replay(text, kind, this.host.databases, this.host.rerun);
    } finally {
      this.changed.clear();
      this.flushed = [];
      this.loading = false;
    }
    return true;
  }

  /** The process ends (SHUTDOWN or a kill): the AOF is closed; nothing else is written. */
  close(): void {
    this.aof?.close();
    this.aof = undefined;
  }

  /** SHUTDOWN's save: a snapshot when save points are set. */
  shutdownSave(): void {
    this.commandDone();
    if (savePoints(this.host.config.get('save')!).length > 0) this.save();
  }
}
