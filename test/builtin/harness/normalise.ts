import type { Reply } from './resp.js';

/**
 * Where Redis promises no order (or gives per-server values), replies are normalised before the
 * comparison: by command name (lower case; container commands as "pubsub|channels"). Add entries here
 * for new commands; everything else is compared byte for byte.
 */
export type Normaliser = (reply: Reply, args: string[]) => Reply;

const sortArray: Normaliser = (r) => (r.t === '*' && r.v !== null ? { t: '*', v: [...r.v].sort(compare) } : r);

/** SCAN-like replies: the cursor only as zero / not zero, the elements sorted. */
const scanLike: Normaliser = (r) => {
  if (r.t !== '*' || r.v === null || r.v.length !== 2) return r;
  const [cursor, items] = r.v as [Reply, Reply];
  return { t: '*', v: [{ t: '$', v: cursor.v === '0' ? '0' : '<cursor>' }, sortArray(items, [])] };
};

/** Pairs (field, value) kept together and sorted by field. */
const sortPairs: Normaliser = (r) => {
  if (r.t !== '*' || r.v === null) return r;
  const pairs: Reply[][] = [];
  for (let i = 0; i < r.v.length; i += 2) pairs.push([r.v[i]!, r.v[i + 1]!]);
  pairs.sort((x, y) => compare(x[0]!, y[0]!));
  return { t: '*', v: pairs.flat() };
};

const masked =
  (label: string): Normaliser =>
  (r) =>
    r.t === '-' ? r : { t: '$', v: `<${label}>` };

/** Milliseconds left depend on when each server ran the command: compared to the nearest second. */
const roughMs: Normaliser = (r) => (r.t === ':' && Number(r.v) > 0 ? { t: ':', v: `~${Math.round(Number(r.v) / 1000)}s` } : r);

export const normalisers: Record<string, Normaliser> = {
  pttl: roughMs,
  keys: sortArray,
  scan: scanLike,
  'pubsub|channels': sortArray,
  'client|id': masked('client id'),
  time: masked('time'),
  info: masked('info'),
  hello: (r) => {
    if (r.t !== '*' || r.v === null) return r;
    return { t: '*', v: r.v.map((x, i) => (i > 0 && r.v![i - 1]!.v === 'id' ? { t: ':', v: '<id>' } : x)) };
  },
};

/** For other helpers' types: pairs-sorting and plain sorting are exported for their entries. */
export const normaliserKinds = { sortArray, scanLike, sortPairs, masked, roughMs };

export function normalise(reply: Reply, args: string[]): Reply {
  const name = (args[0] ?? '').toLowerCase();
  const sub = args.length > 1 ? `${name}|${args[1]!.toLowerCase()}` : '';
  const f = normalisers[sub] ?? normalisers[name];
  return f === undefined ? reply : f(reply, args);
}

function compare(a: Reply, b: Reply): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
