import type { Database } from '../keyspace.js';
import type { Bytes } from '../types.js';
import { valueFromJSON, valueToJSON, type ValueJSON } from './value-codec.js';

/**
 * The line format of the engine's own files (JSON Lines, not Redis's RDB or AOF): a header line, then
 * one record per line. A snapshot is the header and a `key` record per key; an append-only file is the
 * same base followed by the records of every later change, so replaying it in order gives the state.
 */
export type FileKind = 'snapshot' | 'aof';

export interface Header {
  'redis-tutor': FileKind;
  version: 1;
  /** ms since the epoch, on the engine's clock. */
  savedAt: number;
}

export type Record =
  /** A key's whole value, and its absolute expiry in ms when it has one. */
  | { db: number; k: Bytes; v: ValueJSON; x?: number }
  | { db: number; del: Bytes }
  | { flush: number }
  /** A command as it was sent (persistence/replayable.ts), run again at the time `t` it ran. */
  | { db: number; t: number; cmd: Bytes[] };

/** Runs a recorded command on a database, with the engine's clock at `t` (ms). */
export type Rerun = (db: number, t: number, args: Buffer[]) => void;

export const headerLine = (kind: FileKind, savedAt: number): string => JSON.stringify({ 'redis-tutor': kind, version: 1, savedAt } satisfies Header);

/** The record of a key as it is now in memory (a delete when it is gone). */
export function keyRecord(db: Database, key: Bytes): string {
  const value = db.peek(key);
  if (value === undefined) return JSON.stringify({ db: db.index, del: key });
  const x = db.getExpire(key);
  return JSON.stringify(x === undefined ? { db: db.index, k: key, v: valueToJSON(value) } : { db: db.index, k: key, v: valueToJSON(value), x });
}

/** Every key of every database, as `key` records. */
export function* datasetLines(databases: readonly Database[]): Generator<string> {
  for (const db of databases) {
    if (db.size() === 0) continue;
    for (const key of db.allKeys()) yield keyRecord(db, key);
  }
}

export interface LoadCounts {
  loaded: number;
  expired: number;
}

/**
 * Applies the lines of a file (header first) to empty databases. Keys whose time has passed are left
 * out, as Redis leaves them out of a load. A last line cut short (a crash mid-write) is ignored, as
 * Redis's aof-load-truncated does; any other bad line throws.
 */
export function replay(text: string, kind: FileKind, databases: readonly Database[], rerun: Rerun): LoadCounts {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = parse(lines[0] ?? '', true) as Partial<Header> | undefined;
  if (header?.['redis-tutor'] !== kind) throw new Error(`not a redis-tutor ${kind} file`);
  for (let i = 1; i < lines.length; i++) {
    const record = parse(lines[i]!, i === lines.length - 1) as Record | undefined;
    if (record !== undefined) apply(record, databases, rerun);
  }
  let expired = 0;
  let loaded = 0;
  for (const db of databases) {
    expired += db.sweepExpired();
    loaded += db.size();
  }
  return { loaded, expired };
}

function apply(record: Record, databases: readonly Database[], rerun: Rerun): void {
  if ('flush' in record) {
    databases[record.flush]?.flush();
    return;
  }
  if ('cmd' in record) {
    rerun(record.db, record.t, record.cmd.map((a) => Buffer.from(a, 'latin1')));
    return;
  }
  const db = databases[record.db];
  if (db === undefined) throw new Error(`a record for database ${record.db}, which the engine does not have`);
  if ('del' in record) {
    db.deleteRaw(record.del);
    return;
  }
  db.set(record.k, valueFromJSON(record.v));
  if (record.x !== undefined) db.setExpire(record.k, record.x);
}

function parse(line: string, mayBeCut: boolean): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    if (mayBeCut) return undefined;
    throw err;
  }
}
