import { bulk, integer } from '../resp/types.js';
import type { Client } from './client.js';
import { globMatch } from './glob.js';
import { push, type Reply } from './reply.js';
import { fromBytes, type Bytes } from './types.js';

const MESSAGE = bulk('message');
const PMESSAGE = bulk('pmessage');
const SMESSAGE = bulk('smessage');

/**
 * Channels, patterns and shard channels (Redis 7.0's sharded pub/sub: SSUBSCRIBE/SPUBLISH, a namespace
 * of its own that patterns never match) with their subscribers, in subscription order.
 */
export class PubSubRegistry {
  readonly channels = new Map<Bytes, Set<Client>>();
  readonly patterns = new Map<Bytes, Set<Client>>();
  readonly shardChannels = new Map<Bytes, Set<Client>>();

  subscribe(client: Client, channel: Bytes): void {
    join(this.channels, client.channels, client, channel);
  }

  unsubscribe(client: Client, channel: Bytes): boolean {
    return leave(this.channels, client.channels, client, channel);
  }

  psubscribe(client: Client, pattern: Bytes): void {
    join(this.patterns, client.patterns, client, pattern);
  }

  punsubscribe(client: Client, pattern: Bytes): boolean {
    return leave(this.patterns, client.patterns, client, pattern);
  }

  ssubscribe(client: Client, channel: Bytes): void {
    join(this.shardChannels, client.shardChannels, client, channel);
  }

  sunsubscribe(client: Client, channel: Bytes): boolean {
    return leave(this.shardChannels, client.shardChannels, client, channel);
  }

  /** SPUBLISH: shard channel subscribers only, in subscription order; returns how many deliveries. */
  spublish(channel: Bytes, message: Buffer, deliver: (client: Client, reply: Reply) => void): number {
    const subscribers = this.shardChannels.get(channel);
    if (subscribers === undefined) return 0;
    const reply = push([SMESSAGE, bulk(fromBytes(channel)), bulk(message)]);
    for (const client of subscribers) deliver(client, reply);
    return subscribers.size;
  }

  /** Delivers to channel subscribers, then to matching patterns; returns how many deliveries. */
  publish(channel: Bytes, message: Buffer, deliver: (client: Client, reply: Reply) => void): number {
    let receivers = 0;
    const subscribers = this.channels.get(channel);
    if (subscribers !== undefined) {
      const reply = push([MESSAGE, bulk(fromBytes(channel)), bulk(message)]);
      for (const client of subscribers) {
        deliver(client, reply);
        receivers++;
      }
    }
    for (const [pattern, clients] of this.patterns) {
      if (!globMatch(pattern, channel)) continue;
      const reply = push([PMESSAGE, bulk(fromBytes(pattern)), bulk(fromBytes(channel)), bulk(message)]);
      for (const client of clients) {
        deliver(client, reply);
        receivers++;
      }
    }
    return receivers;
  }

  /** Removes every subscription of a client that went away. */
  drop(client: Client): void {
    for (const channel of client.channels) remove(this.channels, channel, client);
    for (const pattern of client.patterns) remove(this.patterns, pattern, client);
    for (const channel of client.shardChannels) remove(this.shardChannels, channel, client);
    client.channels.clear();
    client.patterns.clear();
    client.shardChannels.clear();
  }
}

export const subscriptionReply = (kind: string, name: Buffer | null, count: number): Reply =>
  push([bulk(kind), bulk(name), integer(count)]);

/** Adds a name to a client's own set and the client to the name's subscribers (once). */
function join(map: Map<Bytes, Set<Client>>, own: Set<Bytes>, client: Client, name: Bytes): void {
  if (own.has(name)) return;
  own.add(name);
  add(map, name, client);
}

function leave(map: Map<Bytes, Set<Client>>, own: Set<Bytes>, client: Client, name: Bytes): boolean {
  if (!own.delete(name)) return false;
  remove(map, name, client);
  return true;
}

function add(map: Map<Bytes, Set<Client>>, name: Bytes, client: Client): void {
  let set = map.get(name);
  if (set === undefined) map.set(name, (set = new Set()));
  set.add(client);
}

function remove(map: Map<Bytes, Set<Client>>, name: Bytes, client: Client): void {
  const set = map.get(name);
  if (set === undefined) return;
  set.delete(client);
  if (set.size === 0) map.delete(name);
}
