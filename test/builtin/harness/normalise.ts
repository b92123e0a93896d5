import type { Reply } from './resp.js';

/**
 * Where Redis promises no order (or gives per-server values), replies are normalised before the
 * comparison: by command name (lower case; container commands as "pubsub|channels"). Add entries here
 * for new commands; everything else is compared byte for byte.
 */
export type Normaliser = (reply: Reply, args: string[]) => Reply;

/** An array, or a RESP3 set, in a stable order. */
const sortArray: Normaliser = (r) => ((r.t === '*' || r.t === '~') && r.v !== null ? { t: r.t, v: [...r.v].sort(compare) } : r);

/** SCAN-like replies: the cursor only as zero / not zero, the elements sorted. */
const scanLike: Normaliser = (r) => {
  if (r.t !== '*' || r.v === null || r.v.length !== 2) return r;
  const [cursor, items] = r.v as [Reply, Reply];
  return { t: '*', v: [{ t: '$', v: cursor.v === '0' ? '0' : '<cursor>' }, sortArray(items, [])] };
};

/** Pairs (field, value) kept together and sorted by field; a RESP3 map likewise. */
const sortPairs: Normaliser = (r) => {
  if ((r.t !== '*' && r.t !== '%') || r.v === null) return r;
  const pairs: Reply[][] = [];
  for (let i = 0; i < r.v.length; i += 2) pairs.push([r.v[i]!, r.v[i + 1]!]);
  pairs.sort((x, y) => compare(x[0]!, y[0]!));
  return { t: r.t, v: pairs.flat() };
};

const masked =
  (label: string): Normaliser =>
  (r) =>
    r.t === '-' ? r : { t: r.t === '=' ? '=' : '$', v: `<${label}>` };

/** Milliseconds left depend on when each server ran the command: compared to the nearest second. */
const roughMs: Normaliser = (r) => (r.t === ':' && Number(r.v) > 0 ? { t: ':', v: `~${Math.round(Number(r.v) / 1000)}s` } : r);

const PER_SERVER = /\b(id|addr|laddr|fd|age|idle|qbuf-free|rbs|rbp|tot-mem)=\S*/g;
const clientFields: Normaliser = (r) =>
  (r.t === '$' || r.t === '=') && typeof r.v === 'string' ? { t: r.t, v: r.v.replace(PER_SERVER, '$1=<n>') } : r;

export const normalisers: Record<string, Normaliser> = {
  pttl: roughMs,
  keys: sortArray,
  scan: scanLike,
  'pubsub|channels': sortArray,
  'pubsub|shardchannels': sortArray,
  'client|id': masked('client id'),
  // CLIENT LIST/INFO: ids, addresses, descriptors, times and buffer sizes differ per server and moment.
  'client|list': clientFields,
  // Redis lists commands in its hash table's order.
  'command|list': sortArray,
  'client|info': clientFields,
  time: masked('time'),
  info: masked('info'),
  // CONFIG GET answers in the order of Redis's hash table; dir and port differ per server.
  'config|get': (r, args) => maskConfig(sortPairs(r, args)),
  lastsave: (r) => (r.t === ':' ? { t: ':', v: '<unix time>' } : r),
  // Data types: sets in hashtable encoding come in no promised order (SPOP/SRANDMEMBER counts at least
  // the set's size return all of it); SSCAN/HSCAN/ZSCAN cursors differ once Redis walks hash buckets.
  smembers: sortArray,
  sinter: sortArray,
  sunion: sortArray,
  sdiff: sortArray,
  spop: sortArray,
  srandmember: sortArray,
  sscan: scanLike,
  hscan: scanLike,
  zscan: scanLike,
  // A flat array in RESP2, a map in RESP3.
  hello: (r) => {
    if ((r.t !== '*' && r.t !== '%') || r.v === null) return r;
    const items = r.v;
    return { t: r.t, v: items.map((x, i) => (i > 0 && items[i - 1]!.v === 'id' ? { t: ':', v: '<id>' } : x)) };
  },
};

/** The values of CONFIG GET dir and port, which differ per server. */
function maskConfig(r: Reply): Reply {
  if ((r.t !== '*' && r.t !== '%') || r.v === null) return r;
  const items = r.v;
  return { t: r.t, v: items.map((x, i) => (i % 2 === 1 && /^(dir|port)$/i.test(String(items[i - 1]!.v)) ? { t: '$', v: '<per server>' } : x)) };
}

/** For other helpers' types: pairs-sorting and plain sorting are exported for their entries. */
export const normaliserKinds = { sortArray, scanLike, sortPairs, masked, roughMs };

export function normalise(reply: Reply, args: string[], extra?: Record<string, Normaliser>): Reply {
  const name = (args[0] ?? '').toLowerCase();
  const sub = args.length > 1 ? `${name}|${args[1]!.toLowerCase()}` : '';
  const f = extra?.[name] ?? normalisers[sub] ?? normalisers[name];
  return f === undefined ? reply : f(reply, args);
}

function compare(a: Reply, b: Reply): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Follows MULTI on one connection so that EXEC's array is normalised element by element, each with
 * the command it answers. Feed it every command and its reply, in order.
 */
export class TransactionTracker {
  private queued: string[][] | null = null;

  /** `extra` normalisers take precedence (the random test masks TTLs, which race the clock). */
  constructor(private readonly extra?: Record<string, Normaliser>) {}

  /** Inside MULTI: a command sent now is queued, not answered. */
  get open(): boolean {
    return this.queued !== null;
  }

  normalise(reply: Reply, args: string[]): Reply {
    const name = (args[0] ?? '').toLowerCase();
    if (name === 'multi' && reply.t === '+') {
      this.queued ??= [];
      return reply;
    }
    if (this.queued !== null && reply.t === '+' && reply.v === 'QUEUED') {
      this.queued.push(args);
      return reply;
    }
    if ((name === 'exec' || name === 'discard') && this.queued !== null) {
      const queued = this.queued;
      this.queued = null;
      if (name === 'exec' && reply.t === '*' && reply.v !== null && reply.v.length === queued.length) {
        return { t: '*', v: reply.v.map((r, i) => normalise(r, queued[i]!, this.extra)) };
      }
      return reply;
    }
    return normalise(reply, args, this.extra);
  }
}
