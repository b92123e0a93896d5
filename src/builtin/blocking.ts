import { error, type RespReply } from '../resp/types.js';
import type { Client } from './client.js';
import type { Database } from './keyspace.js';
import type { BlockRequest, Bytes, Keyspace } from './types.js';

export interface BlockingHost {
  database(index: number): Keyspace;
  readonly clock: { now: number };
  /** Sends a reply to a client that was waiting, and lets it go on with its pipelined input. */
  release(client: Client, reply: RespReply): void;
}

/**
 * Clients blocked on keys (BLPOP, BRPOP, BLMOVE). A write to a key someone waits on makes it "ready";
 * after each command the ready keys are served in the order they became ready, each key's clients in
 * the order they blocked, as Redis 7.0 does.
 */
export class BlockingRegistry {
  private readonly byDb = new Map<number, Map<Bytes, Client[]>>();
  private count = 0;
  private ready: Array<{ db: number; key: Bytes }> = [];
  private readonly readySet = new Set<string>();

  constructor(private readonly host: BlockingHost) {}

  get size(): number {
    return this.count;
  }

  block(client: Client, request: BlockRequest, dbIndex: number): void {
    const timer =
      request.timeoutMs > 0
        ? setTimeout(() => {
            if (client.blocked?.request !== request) return;
            this.unblock(client);
            this.host.release(client, request.onTimeout);
          }, request.timeoutMs)
        : undefined;
    client.blocked = { request, dbIndex, timer };
    let keys = this.byDb.get(dbIndex);
    if (keys === undefined) this.byDb.set(dbIndex, (keys = new Map()));
    for (const key of new Set(request.keys)) {
      let queue = keys.get(key);
      if (queue === undefined) keys.set(key, (queue = []));
      queue.push(client);
    }
    this.count++;
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
    this.count--;
  }

  signal(db: Database, key: Bytes): void {
    if (this.count === 0) return;
    if (this.byDb.get(db.index)?.has(key) !== true) return;
    const id = `${db.index}:${key}`;
    if (this.readySet.has(id)) return;
    this.readySet.add(id);
    this.ready.push({ db: db.index, key });
  }

  /** Serves what became ready, including keys that serving itself makes ready (BLMOVE's target). */
  serveReady(): void {
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
          let reply: RespReply | undefined;
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
