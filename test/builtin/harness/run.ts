import type { Sequence } from './corpus.js';
import { RawConnection } from './connection.js';
import { normalise, TransactionTracker } from './normalise.js';
import { encodeReply, type Reply } from './resp.js';

interface ConnState {
  conn: RawConnection;
  /** Commands sent without waiting whose replies are still to be read (their argument lists). */
  outstanding: string[][];
  channels: Set<string>;
  patterns: Set<string>;
  shardChannels: Set<string>;
  tx: TransactionTracker;
}

const PONG_IN_SUBSCRIBED_MODE = '*2\r\n$4\r\npong\r\n$0\r\n\r\n';

/** How many replies a command gives (subscribe-family commands answer once per channel). */
function expectedReplies(state: ConnState, args: string[]): number {
  const name = args[0]!.toLowerCase();
  const names = args.slice(1);
  const family = (n: string) => (n === 'subscribe' || n === 'unsubscribe' ? state.channels : n === 'psubscribe' || n === 'punsubscribe' ? state.patterns : state.shardChannels);
  switch (name) {
    case 'subscribe':
    case 'psubscribe':
    case 'ssubscribe':
      names.forEach((n) => family(name).add(n));
      return Math.max(1, names.length);
    case 'unsubscribe':
    case 'punsubscribe':
    case 'sunsubscribe': {
      const set = family(name);
      const n = names.length === 0 ? Math.max(1, set.size) : names.length;
      if (names.length === 0) set.clear();
      else names.forEach((x) => set.delete(x));
      return n;
    }
    case 'reset':
      state.channels.clear();
      state.patterns.clear();
      state.shardChannels.clear();
      return 1;
    default:
      return 1;
  }
}

export function show(reply: Reply | undefined, args: string[], tx?: TransactionTracker): string {
  if (reply === undefined) return '<no reply>';
  return JSON.stringify(encodeReply(tx === undefined ? normalise(reply, args) : tx.normalise(reply, args)));
}

/** A connection in the protocol asked for: RESP3 sends HELLO 3 first (its reply, with an id, is dropped). */
export async function openIn(port: number, resp: 2 | 3): Promise<RawConnection> {
  const conn = await RawConnection.open(port);
  if (resp === 3) {
    conn.send([Buffer.from('HELLO'), Buffer.from('3')]);
    const reply = await conn.read();
    if (reply?.t !== '%') throw new Error(`HELLO 3 answered ${JSON.stringify(reply)}`);
  }
  return conn;
}

/**
 * Runs a sequence on the server at `port` (after FLUSHALL) and returns its transcript: one line per
 * reply, normalised where Redis gives no order. Pub/sub messages are collected after every step by
 * sending PING to each subscribed connection and reading up to its answer. With `resp` 3 every
 * connection speaks RESP3 (HELLO 3 first).
 */
export async function runSequence(port: number, seq: Sequence, readTimeoutMs = 1500, resp: 2 | 3 = 2): Promise<string[]> {
  const admin = await RawConnection.open(port);
  admin.send([Buffer.from('FLUSHALL')]);
  await admin.read();
  admin.close();
  const conns = new Map<string, ConnState>();
  const out: string[] = [];
  const stateOf = async (name: string) => {
    let s = conns.get(name);
    if (s === undefined) {
      s = { conn: await openIn(port, resp), outstanding: [], channels: new Set(), patterns: new Set(), shardChannels: new Set(), tx: new TransactionTracker() };
      conns.set(name, s);
    }
    return s;
  };
  const collectLate = async (name: string, s: ConnState) => {
    while (s.outstanding.length > 0) {
      const args = s.outstanding.shift()!;
      out.push(`${name} (late ${args.join(' ')}) ${show(await s.conn.read(readTimeoutMs), args)}`);
    }
  };
  try {
    for (const step of seq.steps) {
      if (step.kind === 'sleep') {
        await new Promise((r) => setTimeout(r, step.ms));
        continue;
      }
      const s = await stateOf(step.conn);
      const args = step.args.map((a) => a.toString('latin1'));
      await collectLate(step.conn, s);
      s.conn.send(step.args);
      const n = expectedReplies(s, args);
      if (!step.wait) {
        s.outstanding.push(args);
        continue;
      }
      const replies: string[] = [];
      for (let i = 0; i < n; i++) {
        const reply = await s.conn.read(readTimeoutMs);
        replies.push(show(reply, args, s.tx));
        if (reply === undefined) break;
      }
      out.push(`${step.conn}> ${step.text}\n   ${replies.join('\n   ')}`);
      if (s.conn.closed) out.push(`${step.conn} closed`);
      for (const [name, other] of conns) {
        // A RESP3 connection may be inside MULTI while subscribed: a PING there would only be queued.
        if (other.channels.size + other.patterns.size + other.shardChannels.size === 0 || other.conn.closed || other.outstanding.length > 0 || other.tx.open) continue;
        other.conn.send([Buffer.from('PING')]);
        for (;;) {
          const reply = await other.conn.read(readTimeoutMs);
          if (reply === undefined) {
            // Closed by this step (CLIENT KILL): its end may be read just after the step's own reply.
            if (!other.conn.closed) out.push(`${name} <no pong>`);
            break;
          }
          const raw = encodeReply(reply);
          if (raw === PONG_IN_SUBSCRIBED_MODE || raw === '+PONG\r\n') break;
          out.push(`${name} push ${JSON.stringify(raw)}`);
        }
      }
    }
    for (const [name, s] of conns) await collectLate(name, s);
  } finally {
    for (const s of conns.values()) s.conn.close();
  }
  return out;
}
