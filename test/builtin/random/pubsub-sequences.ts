import type { Rng } from './rng.js';

// Random pub/sub sessions across three connections, as corpus text (test/builtin/harness/corpus.ts's
// format), for random-pubsub.test.ts: channels, patterns and shard channels over the same few names,
// publishing of both kinds, PUBSUB's counts, the subscribed-mode limits, RESET and transactions.
// Each connection's subscriptions are followed so that an UNSUBSCRIBE family command without
// arguments is only sent with at most one name left: Redis answers those in its hash tables' order.

const CONNS = ['a', 'b', 'c'];
const NAMES = ['c0', 'c1', 'c2', 'news'];
// No channel matches two of these: Redis 7.0 walks its pattern table in hash order, so one client's
// pmessages for two matching patterns come in no promised order.
const PATTERNS = ['c[01]', '?2', 'n*', 'x*'];
const MESSAGES = ['hi', '""', '"a b"', '안녕'];

interface Subs {
  channels: Set<string>;
  patterns: Set<string>;
  shard: Set<string>;
}

type Family = 'channels' | 'patterns' | 'shard';
const FAMILIES: { family: Family; sub: string; unsub: string }[] = [
  { family: 'channels', sub: 'SUBSCRIBE', unsub: 'UNSUBSCRIBE' },
  { family: 'patterns', sub: 'PSUBSCRIBE', unsub: 'PUNSUBSCRIBE' },
  { family: 'shard', sub: 'SSUBSCRIBE', unsub: 'SUNSUBSCRIBE' },
];

/** One random session of `steps` steps (a step is one command, or MULTI ... EXEC). */
export function pubsubSession(r: Rng, steps: number): string {
  const subs = new Map<string, Subs>(CONNS.map((c) => [c, { channels: new Set(), patterns: new Set(), shard: new Set() }]));
  const lines: string[] = [];
  const on = (conn: string, line: string) => lines.push(`@${conn} ${line}`);
  for (let i = 0; i < steps; i++) {
    const conn = r.pick(CONNS);
    const s = subs.get(conn)!;
    const x = r.next();
    if (x < 0.3) {
      const f = r.pick(FAMILIES);
      const names = r.some(f.family === 'patterns' ? PATTERNS : NAMES, 2);
      names.forEach((n) => s[f.family].add(n));
      on(conn, `${f.sub} ${names.join(' ')}`);
    } else if (x < 0.45) {
      const f = r.pick(FAMILIES);
      if (s[f.family].size <= 1 && r.chance(0.4)) {
        s[f.family].clear();
        on(conn, f.unsub);
      } else {
        const names = r.some(f.family === 'patterns' ? PATTERNS : NAMES, 2);
        names.forEach((n) => s[f.family].delete(n));
        on(conn, `${f.unsub} ${names.join(' ')}`);
      }
    } else if (x < 0.7) {
      on(conn, `${r.pick(['PUBLISH', 'SPUBLISH'])} ${r.pick(NAMES)} ${r.pick(MESSAGES)}`);
    } else if (x < 0.82) {
      on(
        conn,
        r.pick([
          `PUBSUB NUMSUB ${r.some(NAMES, 3).join(' ')}`,
          `PUBSUB SHARDNUMSUB ${r.some(NAMES, 3).join(' ')}`,
          'PUBSUB CHANNELS',
          'PUBSUB SHARDCHANNELS',
          `PUBSUB SHARDCHANNELS ${r.pick(PATTERNS)}`,
          'PUBSUB NUMPAT',
        ]),
      );
    } else if (x < 0.9) {
      on(conn, r.pick(['PING', 'PING x', 'GET k', 'SET k v', 'ECHO e']));
    } else if (x < 0.95) {
      // Inside MULTI the subscribe family is only queued: publishing only, and SUNSUBSCRIBE of a name.
      on(conn, 'MULTI');
      on(conn, `SPUBLISH ${r.pick(NAMES)} tx`);
      on(conn, `PUBLISH ${r.pick(NAMES)} tx`);
      on(conn, 'EXEC');
    } else {
      s.channels.clear();
      s.patterns.clear();
      s.shard.clear();
      on(conn, 'RESET');
    }
  }
  return lines.join('\n');
}
