import { error } from '../resp/types.js';
import type { Reply } from './reply.js';
import type { Client } from './client.js';
import type { EngineClock } from './clock.js';
import type { Database } from './keyspace.js';
import type { BlockRequest, Bytes, Keyspace } from './types.js';

export interface BlockingHost {
  database(index: number): Keyspace;
  readonly clock: Pick<EngineClock, 'now' | 'read'>;
  /** Sends a reply to a client that was waiting, and lets it go on with its pipelined input. */
  release(client: Client, reply: Reply): void;
}

/** Node's timers cannot wait longer (parseTimeout caps timeouts to it too). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How often clients with a `gone` check are asked between commands (Redis's active expiry runs at 10 Hz). */
const GONE_POLL_MS = 100;

/**
 * Clients blocked on keys (BLPOP, BRPOP, BLMOVE). A write to a key someone waits on makes it "ready";
 * after each command the ready keys are served in the order they became ready, each key's clients in
 * the order they blocked, as Redis 7.0 does. Timeouts are deadlines on the engine's clock; a real
 * timer wakes each one, and `clockMoved` settles them when the tutor moves the clock forward.
 */
export class BlockingRegistry {
  private readonly byDb = new Map<number, Map<Bytes, Client[]>>();
  private readonly clients = new Set<Client>();
  /** Blocked clients with a `gone` check (XREADGROUP), asked after every command. */
  private readonly watchingGone = new Set<Client>();
  private goneTimer: NodeJS.Timeout | undefined;
  private ready: Array<{ db: number; key: Bytes }> = [];
  private readonly readySet = new Set<string>();

  constructor(private readonly host: BlockingHost) {}

  get size(): number {
    return this.clients.size;
  }

  block(client: Client, request: BlockRequest, dbIndex: number): void {
    const deadline = request.timeoutMs > 0 ? this.host.clock.now + request.timeoutMs : undefined;
    client.blocked = { request, dbIndex, deadline, timer: undefined };
    this.arm(client);
    let keys = this.byDb.get(dbIndex);
    if (keys === undefined) this.byDb.set(dbIndex, (keys = new Map()));
    for (const key of new Set(request.keys)) {
      let queue = keys.get(key);
      if (queue === undefined) keys.set(key, (queue = []));
      queue.push(client);
    }
    this.clients.add(client);
    if (request.gone !== undefined) {
      this.watchingGone.add(client);
      // A key can also go without a command: the cron expires it (Redis answers then, not at the next command).
      this.goneTimer ??= setInterval(() => this.settleGone(), GONE_POLL_MS).unref();
    }
  }

  unblock(client: Client): void {
    const state = client.blocked;
    if (state === null) return;
    client.blocked = null;
    if (state.timer !== undefined) clearTimeout(state.timer);
    const keys = this.byDb.get(state.dbIndex);
    for (const key of new Set(state.request.keys)) {
      const queue = keys?.get(key);
      if (queue === undefined) continue;
      const i = queue.indexOf(client);
      if (i >= 0) queue.splice(i, 1);
      if (queue.length === 0) keys!.delete(key);
    }
    this.clients.delete(client);
    this.watchingGone.delete(client);
    if (this.watchingGone.size === 0 && this.goneTimer !== undefined) {
      clearInterval(this.goneTimer);
      this.goneTimer = undefined;
    }
  }

  /**
   * After the clock jumped forward: answers the clients whose deadline has passed, earliest deadline
   * first and then by client id (Redis's timeout order), and re-arms the rest for the time left.
   */
  clockMoved(): void {
    this.settleGone();
    const now = this.host.clock.now;
    const due = [...this.clients]
      .filter((c) => c.blocked!.deadline !== undefined && c.blocked!.deadline <= now)
      .sort((a, b) => a.blocked!.deadline! - b.blocked!.deadline! || a.id - b.id);
    for (const client of due) this.timeOut(client);
    for (const client of this.clients) this.arm(client);
  }

  /** (Re)starts the real timer for a blocked client's deadline as the engine's clock now stands. */
  private arm(client: Client): void {
    const state = client.blocked!;
    if (state.timer !== undefined) clearTimeout(state.timer);
    if (state.deadline === undefined) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, state.deadline - this.host.clock.read()));
    state.timer = setTimeout(() => {
      if (client.blocked === state) this.timeOut(client);
    }, wait);
  }

  /** Answers the clients whose wait has lost its object (a blocked XREADGROUP's stream was deleted). */
  private settleGone(): void {
    if (this.watchingGone.size === 0) return;
    for (const client of [...this.watchingGone]) {
      const state = client.blocked;
      if (state === null) continue;
      const ctx = client.ctx;
      ctx.db = this.host.database(state.dbIndex);
      ctx.now = this.host.clock.now;
      const reply = state.request.gone!(ctx);
      ctx.db = this.host.database(client.dbIndex);
      if (reply === undefined) continue;
      this.unblock(client);
      this.host.release(client, reply);
    }
  }

  private timeOut(client: Client): void {
    const reply = client.blocked!.request.onTimeout;
    this.unblock(client);
    this.host.release(client, reply);
  }

  /** The keys clients wait on in a database (SWAPDB looks for the ones it made ready). */
  keysIn(dbIndex: number): Bytes[] {
    return [...(this.byDb.get(dbIndex)?.keys() ?? [])];
  }

  signal(db: Database, key: Bytes): void {
    if (this.clients.size === 0) return;
    if (this.byDb.get(db.index)?.has(key) !== true) return;
    const id = `${db.index}:${key}`;
    if (this.readySet.has(id)) return;
    this.readySet.add(id);
    this.ready.push({ db: db.index, key });
  }

  /** Serves what became ready, including keys that serving itself makes ready (BLMOVE's target). */
  serveReady(): void {
    this.settleGone();
    while (this.ready.length > 0) {
      const batch = this.ready;
      this.ready = [];
      this.readySet.clear();
      for (const { db, key } of batch) {
        const queue = this.byDb.get(db)?.get(key);
        if (queue === undefined) continue;
        for (const client of [...queue]) {
          const state = client.blocked;
          if (state === null) continue;
          const ctx = client.ctx;
          ctx.db = this.host.database(state.dbIndex);
          ctx.now = this.host.clock.now;
          let reply: Reply | undefined;
          try {
            reply = state.request.tryServe(ctx, key);
          } catch (err) {
            // A bug in one command must not take the engine (and the tutor around it) down.
            reply = error(`ERR internal error in redis-tutor's built-in engine: ${(err as Error)?.message ?? String(err)}`);
          }
          ctx.db = this.host.database(client.dbIndex);
          if (reply === undefined) continue;
          this.unblock(client);
          this.host.release(client, reply);
        }
      }
    }
  }
}
