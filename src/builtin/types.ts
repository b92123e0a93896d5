import { Buffer } from 'node:buffer';
import type { Reply } from './reply.js';
import { argLatin1 } from './latin1.js';

/**
 * The contract between the engine's core (protocol, server, keyspace, dispatch) and the command files,
 * one per data type. Keys, fields and members are binary: they are held as 'latin1' strings, which map
 * bytes 1:1 to UTF-16 code units, so Map lookups are exact and `<` compares as memcmp does.
 */
export type Bytes = string;

/**
 * Converts a command argument to the keyspace's binary string form and back. The last one's string is
 * kept for its Buffer (arguments are never written to), which the parser hands out again for a repeated
 * argument (request-parser.ts, lastArgs) and INFO's keyspace hits read again after the handler
 * (info/lookups.ts): a GET's key is sliced once and its hash, cached in the string, computed once.
 */
export const toBytes = (b: Buffer): Bytes => {
  if (b === lastArg) return lastBytes;
  const s = argLatin1(b);
  lastArg = b;
  lastBytes = s;
  return s;
};
let lastArg: Buffer | undefined;
let lastBytes: Bytes = '';
export const fromBytes = (s: Bytes): Buffer => Buffer.from(s, 'latin1');

/** The value held at a key. `encoding` is what OBJECT ENCODING reports, kept as Redis 7.0 converts it. */
export type RedisValue =
  | { type: 'string'; value: Buffer; encoding: 'int' | 'embstr' | 'raw' }
  | { type: 'list'; value: ListLike; encoding: 'listpack' | 'quicklist' }
  | { type: 'hash'; value: Map<Bytes, Bytes>; encoding: 'listpack' | 'hashtable' }
  | { type: 'set'; value: Set<Bytes>; encoding: 'intset' | 'listpack' | 'hashtable' }
  | { type: 'zset'; value: SortedSetLike; encoding: 'listpack' | 'skiplist' }
  | { type: 'stream'; value: StreamLike; encoding: 'stream' };

/**
 * What the list commands store (a deque, list/deque.ts: O(1) at both ends, which a JS array's
 * unshift/shift are not). Iterating goes head to tail.
 */
export interface ListLike extends Iterable<Bytes> {
  readonly length: number;
  /** An independent copy (COPY). */
  clone(): ListLike;
}

/** What the zset command file stores; its implementation lives beside the zset commands. */
export interface SortedSetLike {
  readonly size: number;
  score(member: Bytes): number | undefined;
  /** An independent copy (COPY); without it, COPY of a sorted set answers an error. */
  clone?(): SortedSetLike;
}

/** What the stream commands store (stream/stream.ts): entries in listpack-sized nodes, consumer groups. */
export interface StreamLike {
  readonly length: number;
  /** An independent copy (COPY), groups and pending entries included. */
  clone(): StreamLike;
  /** A rough count of the bytes held, for the memory cap. */
  approximateBytes(): number;
}

/** One logical database. Every read goes through `get`, which expires lazily. */
export interface Keyspace {
  readonly index: number;
  /** The live value, or undefined when missing or expired (an expired key is deleted on the way). */
  get(key: Bytes): RedisValue | undefined;
  /** Stores a value, clearing any TTL unless `keepTtl`. Signals WATCH. */
  set(key: Bytes, value: RedisValue, options?: { keepTtl?: boolean }): void;
  /** set() of `bytes` (a latin1 string, or a Buffer, copied) as a string of that encoding (SET, MSET, INCR). */
  setString(key: Bytes, bytes: string | Buffer, encoding: 'int' | 'embstr' | 'raw', options?: { keepTtl?: boolean }): void;
  /** Deletes a key; true when it existed. Signals WATCH. */
  delete(key: Bytes): boolean;
  /** Absolute expiry in ms since the epoch, or undefined for none. */
  getExpire(key: Bytes): number | undefined;
  setExpire(key: Bytes, atMs: number | undefined): void;
  /** Tells WATCH (and blocked clients, for lists) that a key changed in place. */
  touched(key: Bytes): void;
  size(): number;
  /** Live keys in the keyspace's iteration order (used by KEYS, SCAN, RANDOMKEY). */
  keys(): IterableIterator<Bytes>;
}

/** What a command handler sees. */
export interface CommandContext {
  db: Keyspace;
  /** Milliseconds since the epoch, frozen for the length of one command (as Redis caches mstime). */
  now: number;
  /** Per-connection state the core owns (selected db, MULTI, subscriptions, name, id). */
  client: ClientHandle;
  engine: EngineHandle;
}

export interface ClientHandle {
  readonly id: number;
  name: Buffer | null;
  dbIndex: number;
}

export interface EngineHandle {
  database(index: number): Keyspace;
  readonly databaseCount: number;
}

/** A handler's answer: a reply now, or (blocking commands) a request to wait. */
export type HandlerResult = Reply | BlockRequest;

export interface BlockRequest {
  type: 'block';
  keys: Bytes[];
  /** Timeout in ms; 0 waits forever. */
  timeoutMs: number;
  /**
   * Called when one of `keys` may be ready (`readyKey`, which Redis serves from, as it serves a blocked
   * client from the key that became ready first): returns the reply, or undefined to keep waiting.
   */
  tryServe(ctx: CommandContext, readyKey?: Bytes): Reply | undefined;
  /**
   * Asked after every command while the client waits: a reply ends the wait at once (XREADGROUP whose
   * stream was deleted or replaced by another type), undefined keeps it waiting.
   */
  gone?(ctx: CommandContext): Reply | undefined;
  /** The reply on timeout: a nil array for BLPOP, BRPOP and BLMOVE alike (Redis 7.0, asked). */
  onTimeout: Reply;
  /**
   * The reply when the client may not block (inside MULTI/EXEC): Redis 7.0 answers BLMOVE with a nil bulk
   * there but BLPOP/BRPOP with a nil array. When absent, use `onTimeout`.
   */
  deniedReply?: Reply;
}

/**
 * One command, as COMMAND INFO describes it; arity follows Redis (negative: at least), counting the
 * command name. Each file in commands/ exports `commands: CommandSpec[]`; commands/index.ts collects them.
 * The core checks arity before calling the handler, and refuses commands flagged 'denyoom' when over
 * the memory cap (flags as Redis's COMMAND INFO: 'write', 'readonly', 'denyoom', 'fast', 'blocking').
 */
export interface CommandSpec {
  /** Lower case, as COMMAND INFO names it. */
  name: string;
  arity: number;
  flags: string[];
  firstKey: number;
  lastKey: number;
  step: number;
  /**
   * `args` is Redis's argv: args[0] is the command name as typed, args[1] the first argument. The
   * Buffers may share memory with the connection's input: copy one before keeping it (toBytes copies).
   */
  handler(ctx: CommandContext, args: Buffer[]): HandlerResult;
  /** Container commands (CLIENT, OBJECT ...): args[1] picks one; its arity counts from args[0]. */
  subcommands?: CommandSpec[];
}

export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
