import { bulk } from '../resp/types.js';
import type { Client } from './client.js';
import { arrayOf, type Reply } from './reply.js';
import type { CommandContext, CommandSpec, HandlerResult } from './types.js';

/**
 * GETDEL as DEL, and LMPOP/ZMPOP (and their blocking forms when they did not block) as the pop with a
 * count from the key they popped, as Redis 7.0 propagates them.
 */
function rewritten(name: string, words: string[], result: Reply): string[] | undefined {
  if (name === 'getdel') return ['DEL', words[1]!];
  const mpop = MPOP[name];
  if (mpop === undefined || result.type !== 'array' || result.value === null) return undefined;
  const [key, popped] = result.value;
  if (key?.type !== 'bulk' || key.value === null || popped === undefined || !('value' in popped) || !Array.isArray(popped.value)) return undefined;
  const count = popped.type === 'pairs' ? popped.value.length / 2 : popped.value.length;
  const where = words[mpop.at + Number(words[mpop.at - 1])]!.toLowerCase();
  return [mpop.ops[where === 'left' || where === 'min' ? 0 : 1]!, key.value.toString('latin1'), String(count)];
}

/** Where each MPOP form names its direction: after `numkeys` (at `at - 1`) keys; the pops it becomes. */
const MPOP: Record<string, { at: number; ops: [string, string] }> = {
  lmpop: { at: 2, ops: ['LPOP', 'RPOP'] },
  blmpop: { at: 3, ops: ['LPOP', 'RPOP'] },
  zmpop: { at: 2, ops: ['ZPOPMIN', 'ZPOPMAX'] },
  bzmpop: { at: 3, ops: ['ZPOPMIN', 'ZPOPMAX'] },
};

/** Commands Redis propagates whether or not they changed anything. */
const ALWAYS = new Set(['flushall', 'flushdb', 'swapdb']);

/**
 * The replication stream as far as the engine writes one: to connections that sent SYNC (which get no
 * snapshot, see commands/sync.ts), every write command that succeeded and changed something (Redis's
 * dirty), as Redis 7.0 propagates it: a SELECT when the database differs from the stream's,
 * EXPIRE/PEXPIRE/EXPIREAT as PEXPIREAT with the absolute time (DEL when the key went), GETDEL as DEL,
 * LMPOP/ZMPOP as the pop they made, a key that expires as DEL (at once, never wrapped), and what one
 * command (EXEC) propagates, when it is more than one command, wrapped in MULTI/EXEC. Other rewrites
 * Redis makes (SET's EX as PXAT, GETEX, pops served to blocked clients ...) are not made.
 * Nothing runs while no replica is attached.
 */
export class Replication {
  readonly replicas = new Set<Client>();
  private readonly streamDb = new Map<Client, number>();
  private pending: { db: number; args: string[] }[] = [];
  private depth = 0;

  constructor(private readonly deliver: (client: Client, reply: ReturnType<typeof arrayOf>) => void) {}

  attach(client: Client): void {
    this.replicas.add(client);
    this.streamDb.set(client, -1);
  }

  detach(client: Client): void {
    this.replicas.delete(client);
    this.streamDb.delete(client);
  }

  begin(): void {
    this.depth++;
  }

  /** After a handler: its write, rewritten as Redis propagates it, when it changed something. */
  private ran(spec: CommandSpec, ctx: CommandContext, args: Buffer[], result: HandlerResult, changed: boolean): void {
    if (result.type === 'error' || result.type === 'block' || !spec.flags.includes('write')) return;
    if (!changed && !ALWAYS.has(spec.name)) return;
    const words = args.map((a) => a.toString('latin1'));
    const name = spec.name;
    if (name === 'expire' || name === 'pexpire' || name === 'expireat' || name === 'pexpireat') {
      const key = words[1]!;
      const at = ctx.db.getExpire(key);
      if (ctx.db.get(key) === undefined) this.add(ctx.db.index, ['DEL', key]);
      else if (at !== undefined) this.add(ctx.db.index, ['PEXPIREAT', key, String(at), ...words.slice(3)]);
      return;
    }
    this.add(ctx.db.index, rewritten(name, words, result) ?? words);
  }

  /** A key deleted because its time passed: its DEL goes at once, never inside MULTI/EXEC (as in 7.0.15). */
  expired(db: number, key: string): void {
    this.send([{ db, args: ['DEL', key] }], false);
  }

  /** The end of a handler (`result` undefined when it threw). */
  end(spec: CommandSpec, ctx: CommandContext, args: Buffer[], result: HandlerResult | undefined, changed: boolean): void {
    if (result !== undefined) this.ran(spec, ctx, args, result, changed);
    this.depth--;
    if (this.depth === 0) this.flush();
  }

  private add(db: number, args: string[]): void {
    this.pending.push({ db, args });
    if (this.depth === 0) this.flush();
  }

  private flush(): void {
    const ops = this.pending;
    if (ops.length === 0) return;
    this.pending = [];
    this.send(ops, ops.length > 1);
  }

  private send(ops: { db: number; args: string[] }[], wrap: boolean): void {
    for (const replica of this.replicas) {
      let current = this.streamDb.get(replica) ?? -1;
      const write = (args: string[]): void => this.deliver(replica, arrayOf(args.map((a) => bulk(Buffer.from(a, 'latin1')))));
      const select = (db: number): void => {
        if (db === current) return;
        write(['SELECT', String(db)]);
        current = db;
      };
      if (wrap) {
        select(ops[0]!.db);
        write(['MULTI']);
      }
      for (const op of ops) {
        select(op.db);
        write(op.args);
      }
      if (wrap) write(['EXEC']);
      this.streamDb.set(replica, current);
    }
  }
}
