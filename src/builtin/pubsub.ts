import { bulk, integer } from '../resp/types.js';
import type { Client } from './client.js';
import { globMatch } from './glob.js';
import { push, type Reply } from './reply.js';
import { fromBytes, type Bytes } from './types.js';

const MESSAGE = bulk('message');
const PMESSAGE = bulk('pmessage');

/** Channels and patterns with their subscribers, in subscription order. */
export class PubSubRegistry {
  readonly channels = new Map<Bytes, Set<Client>>();
  readonly patterns = new Map<Bytes, Set<Client>>();

  subscribe(client: Client, channel: Bytes): void {
    if (client.channels.has(channel)) return;
    client.channels.add(channel);
    add(this.channels, channel, client);
  }

  unsubscribe(client: Client, channel: Bytes): boolean {
    if (!client.channels.delete(channel)) return false;
    remove(this.channels, channel, client);
    return true;
  }

  psubscribe(client: Client, pattern: Bytes): void {
    if (client.patterns.has(pattern)) return;
    client.patterns.add(pattern);
    add(this.patterns, pattern, client);
  }

  punsubscribe(client: Client, pattern: Bytes): boolean {
    if (!client.patterns.delete(pattern)) return false;
    remove(this.patterns, pattern, client);
    return true;
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
    client.channels.clear();
    client.patterns.clear();
  }
}

export const subscriptionReply = (kind: string, name: Buffer | null, count: number): Reply =>
  push([bulk(kind), bulk(name), integer(count)]);

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
