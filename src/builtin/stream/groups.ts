import type { Bytes } from '../types.js';
import { IdMap } from './id-map.js';
import type { StreamId } from './id.js';

/** A delivered, not yet acknowledged entry (a NACK): in its group's PEL and its consumer's. */
export interface Pending {
  consumer: Consumer;
  /** Ms since the epoch on the engine's clock. */
  deliveryTime: number;
  deliveryCount: number;
}

export interface Consumer {
  readonly name: Bytes;
  /** Last time the consumer read or claimed (XINFO's idle and seen-time). */
  seenTime: number;
  readonly pel: IdMap<Pending>;
}

/** Redis's SCG_INVALID_ENTRIES_READ: the group's read counter is not known. */
export const UNKNOWN_READS = -1;

export interface ConsumerGroup {
  lastId: StreamId;
  /** Entries the group has read, or UNKNOWN_READS. */
  entriesRead: number;
  readonly pel: IdMap<Pending>;
  readonly consumers: Map<Bytes, Consumer>;
}

export const newGroup = (lastId: StreamId, entriesRead: number): ConsumerGroup => ({ lastId, entriesRead, pel: new IdMap(), consumers: new Map() });

export function addConsumer(group: ConsumerGroup, name: Bytes, now: number): Consumer {
  const consumer: Consumer = { name, seenTime: now, pel: new IdMap() };
  group.consumers.set(name, consumer);
  return consumer;
}

/** The consumer, created when missing, its seen-time refreshed (streamLookupConsumer + streamCreateConsumer). */
export function touchConsumer(group: ConsumerGroup, name: Bytes, now: number): Consumer {
  const consumer = group.consumers.get(name);
  if (consumer === undefined) return addConsumer(group, name, now);
  consumer.seenTime = now;
  return consumer;
}

/** Removes an entry from the group's PEL and its consumer's. */
export function dropPending(group: ConsumerGroup, id: StreamId, pending: Pending): void {
  group.pel.delete(id);
  pending.consumer.pel.delete(id);
}

/** Moves a pending entry to `consumer` (XCLAIM, XAUTOCLAIM, re-delivery after XGROUP SETID). */
export function reassign(id: StreamId, pending: Pending, consumer: Consumer): void {
  if (pending.consumer === consumer) return;
  pending.consumer.pel.delete(id);
  pending.consumer = consumer;
  consumer.pel.add(id, pending);
}

/** Names in Redis's order (its radix trees: byte order). */
export const byName = <V>(map: Map<Bytes, V>): Array<[Bytes, V]> => [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

export function cloneGroups(groups: Map<Bytes, ConsumerGroup>): Map<Bytes, ConsumerGroup> {
  const out = new Map<Bytes, ConsumerGroup>();
  for (const [name, g] of groups) {
    const copy = newGroup(g.lastId, g.entriesRead);
    for (const [cname, c] of g.consumers) addConsumer(copy, cname, c.seenTime);
    for (const [id, p] of g.pel.from()) {
      const consumer = copy.consumers.get(p.consumer.name)!;
      const pending: Pending = { consumer, deliveryTime: p.deliveryTime, deliveryCount: p.deliveryCount };
      copy.pel.add(id, pending);
      consumer.pel.add(id, pending);
    }
    out.set(name, copy);
  }
  return out;
}
