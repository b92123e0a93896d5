import type { RedisClient } from '../connection/client.js';
import { PLAYGROUND_MARKER } from '../connection/playground.js';

/** What one key holds, read once, so that checks can be judged without touching Redis. */
export type KeySnapshot = { ttl: number } & (
  | { type: 'none' }
  | { type: 'string'; value: string }
  | { type: 'list'; values: string[] }
  | { type: 'set'; members: string[] }
  | { type: 'hash'; fields: Record<string, string> }
  | { type: 'zset'; members: { member: string; score: number }[] }
  | { type: 'stream'; length: number; entries: StreamEntry[]; groups: StreamGroup[] }
);

/** One stream entry: its id and its fields in the order they were added. */
export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

/** A consumer group as XINFO GROUPS reports it. */
export interface StreamGroup {
  name: string;
  consumers: number;
  pending: number;
  lastDelivered: string;
}

/** The most entries a snapshot reads: a lesson's streams are small; a check never needs a long one whole. */
export const STREAM_READ_LIMIT = 1000;

/** Reads a key's type, value and TTL (seconds; -1 without expiry, -2 missing). Read-only. */
export async function readKey(client: RedisClient, key: string): Promise<KeySnapshot> {
  const type = await client.type(key);
  const ttl = type === 'none' ? -2 : await client.ttl(key);
  switch (type) {
    case 'string':
      return { type, ttl, value: (await client.get(key)) ?? '' };
    case 'list':
      return { type, ttl, values: await client.lrange(key, 0, -1) };
    case 'set':
      return { type, ttl, members: await client.smembers(key) };
    case 'hash':
      return { type, ttl, fields: await client.hgetall(key) };
    case 'zset': {
      const flat = await client.zrange(key, 0, -1, 'WITHSCORES');
      const members: { member: string; score: number }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) members.push({ member: flat[i]!, score: Number(flat[i + 1]) });
      return { type, ttl, members };
    }
    case 'stream':
      return { type, ttl, ...(await readStream(client, key)) };
    default:
      return { type: 'none', ttl: -2 };
  }
}

async function readStream(client: RedisClient, key: string): Promise<{ length: number; entries: StreamEntry[]; groups: StreamGroup[] }> {
  const length = await client.xlen(key);
  // The newest entries when the stream is long: the last one is what checks ask about most.
  const raw = length <= STREAM_READ_LIMIT ? await client.xrange(key, '-', '+') : (await client.xrevrange(key, '+', '-', 'COUNT', STREAM_READ_LIMIT)).reverse();
  const entries = raw.map(([id, flat]) => ({ id, fields: pairs(flat) }));
  const infos = (await client.call('XINFO', 'GROUPS', key)) as unknown[][];
  const groups = infos.map((info) => {
    const g = pairs(info.map(String));
    return { name: g.name ?? '', consumers: Number(g.consumers), pending: Number(g.pending), lastDelivered: g['last-delivered-id'] ?? '' };
  });
  return { length, entries, groups };
}

function pairs(flat: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) map[flat[i]!] = flat[i + 1]!;
  return map;
}

/**
 * The learner's keys (the playground marker left out), for "did you mean". A bounded SCAN: a lesson
 * playground is small, and this never blocks a server the way KEYS would.
 */
export async function learnerKeys(client: RedisClient, limit = 1000): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'COUNT', 200);
    keys.push(...batch.filter((k) => k !== PLAYGROUND_MARKER));
    cursor = next;
  } while (cursor !== '0' && keys.length < limit);
  return keys;
}
