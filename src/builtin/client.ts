import type { Socket } from 'node:net';
import type { CommandEntry } from './command-entry.js';
import type { Reply } from './reply.js';
import { RequestParser } from './protocol/request-parser.js';
import { ReplyWriter } from './protocol/reply-writer.js';
import type { BlockRequest, Bytes, ClientHandle, CommandContext, EngineHandle, Keyspace } from './types.js';

export interface QueuedCommand {
  spec: CommandEntry;
  args: Buffer[];
}

export interface WatchedKey {
  db: number;
  key: Bytes;
  /** The key was already expired (but not yet deleted) when watched: its deletion is no change. */
  expired: boolean;
}

export interface BlockedState {
  request: BlockRequest;
  dbIndex: number;
  /** When the timeout reply is due, on the engine's clock; undefined waits forever. */
  deadline: number | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** One connection's state: what Redis keeps in its `client` struct, as far as the engine needs it. */
export class Client implements ClientHandle {
  name: Buffer | null = null;
  dbIndex = 0;
  readonly parser = new RequestParser();
  readonly writer = new ReplyWriter();
  readonly ctx: CommandContext;
  /** Commands queued by MULTI, or null outside a transaction. */
  multi: QueuedCommand[] | null = null;
  /** A queue-time error happened: EXEC answers EXECABORT. */
  multiFailed = false;
  /** The OR of the queued commands' flags that EXEC needs (denyoom). */
  multiDenyOom = false;
  readonly watched: WatchedKey[] = [];
  dirtyCas = false;
  readonly channels = new Set<Bytes>();
  readonly patterns = new Set<Bytes>();
  readonly shardChannels = new Set<Bytes>();
  /** Running EXEC's queue: Redis denies SSUBSCRIBE there ("DENY BLOCKING client"). */
  inExec = false;
  blocked: BlockedState | null = null;
  /** QUIT or a protocol error: close once the pending replies are written. */
  closing = false;
  closed = false;
  /** When it connected and last sent a command, on the engine's clock (CLIENT LIST's age and idle). */
  createdAt = 0;
  lastInteraction = 0;
  /** The last command's full name (CLIENT LIST's cmd). */
  lastCommand = 'NULL';
  /** CLIENT REPLY OFF; `skipNext` (SKIP) mutes the next command's reply, `skipping` the current one's. */
  replyOff = false;
  skipNext = false;
  skipping = false;
  /** CLIENT NO-EVICT ON (flag `e`). */
  noEvict = false;
  /** When its output went over its soft limit (client-output-buffer-limit), undefined while under it. */
  softSince: number | undefined = undefined;

  constructor(
    readonly id: number,
    readonly socket: Socket | null,
    engine: EngineHandle,
    db: Keyspace,
  ) {
    this.ctx = { db, now: 0, client: this, engine };
  }

  /** Every subscription of any kind: above zero, the client is in subscribed mode (RESP2 limits, PING's answer). */
  get subscriptions(): number {
    return this.channels.size + this.patterns.size + this.shardChannels.size;
  }

  /** The count (UN)SUBSCRIBE and P(UN)SUBSCRIBE answer with: Redis 7.0 leaves shard channels out of it. */
  get channelAndPatternCount(): number {
    return this.channels.size + this.patterns.size;
  }

  reply(reply: Reply): void {
    // As Redis's CLIENT_PUSHING: pub/sub pushes still go out while replies are off.
    if ((this.replyOff || this.skipping) && reply.type !== 'push') return;
    this.writer.write(reply);
  }
}
