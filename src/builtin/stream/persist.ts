import type { Bytes } from '../types.js';
import { addConsumer, newGroup, type Pending } from './groups.js';
import { formatId, type StreamId } from './id.js';
import { StreamNode } from './node.js';
import { Stream } from './stream.js';

/**
 * A stream as plain JSON for the engine's snapshot and AOF (persistence/), everything included: the
 * nodes as they are (deleted entries and boundaries too, so `~` trimming after a reload removes what it
 * would have), the counters, and every group with its consumers and pending entries. Ids are "ms-seq"
 * text (64-bit numbers do not fit JSON's); binary strings are 'latin1' strings, which JSON carries exactly.
 */
interface StreamJSON {
  v: 1;
  nodes: Array<{ master: string; fields: Bytes[]; entries: Array<[string, Bytes[], 0 | 1]> }>;
  length: number;
  lastId: string;
  firstId: string;
  maxDeletedId: string;
  entriesAdded: number;
  groups: Array<{
    name: Bytes;
    lastId: string;
    entriesRead: number;
    consumers: Array<{ name: Bytes; seenTime: number }>;
    /** id, consumer name, delivery time, delivery count */
    pending: Array<[string, Bytes, number, number]>;
  }>;
}

function parseId(text: unknown): StreamId {
  const m = typeof text === 'string' ? /^(\d+)-(\d+)$/.exec(text) : null;
  if (m === null) throw new Error(`a stream id in saved data is not "ms-seq": ${JSON.stringify(text)}`);
  return { ms: BigInt(m[1]!), seq: BigInt(m[2]!) };
}

export function streamToJSON(value: Stream): unknown {
  const out: StreamJSON = {
    v: 1,
    nodes: value.nodes.map((n) => ({
      master: formatId(n.master),
      fields: [...n.masterFields],
      entries: n.entries.map((e): [string, Bytes[], 0 | 1] => [formatId(e.id), [...e.fields], e.deleted ? 1 : 0]),
    })),
    length: value.length,
    lastId: formatId(value.lastId),
    firstId: formatId(value.firstId),
    maxDeletedId: formatId(value.maxDeletedId),
    entriesAdded: value.entriesAdded,
    groups: [...value.groups].map(([name, g]) => ({
      name,
      lastId: formatId(g.lastId),
      entriesRead: g.entriesRead,
      consumers: [...g.consumers.values()].map((c) => ({ name: c.name, seenTime: c.seenTime })),
      pending: [...g.pel.from()].map(([id, p]): [string, Bytes, number, number] => [formatId(id), p.consumer.name, p.deliveryTime, p.deliveryCount]),
    })),
  };
  return out;
}

export function streamFromJSON(data: unknown): Stream {
  const d = data as StreamJSON;
  if (d === null || typeof d !== 'object' || d.v !== 1 || !Array.isArray(d.nodes) || !Array.isArray(d.groups)) {
    throw new Error('saved stream data is not in the format this engine writes (version 1)');
  }
  const s = new Stream();
  for (const n of d.nodes) {
    const node = new StreamNode(parseId(n.master), n.fields);
    for (const [id, fields, deleted] of n.entries) {
      node.append(parseId(id), fields);
      if (deleted === 1) {
        node.entries[node.entries.length - 1]!.deleted = true;
        node.live--;
        node.deletedCount++;
      }
    }
    s.nodes.push(node);
  }
  s.length = d.length;
  s.lastId = parseId(d.lastId);
  s.firstId = parseId(d.firstId);
  s.maxDeletedId = parseId(d.maxDeletedId);
  s.entriesAdded = d.entriesAdded;
  for (const g of d.groups) {
    const group = newGroup(parseId(g.lastId), g.entriesRead);
    for (const c of g.consumers) addConsumer(group, c.name, c.seenTime);
    for (const [idText, consumerName, deliveryTime, deliveryCount] of g.pending) {
      const consumer = group.consumers.get(consumerName) ?? addConsumer(group, consumerName, deliveryTime);
      const id = parseId(idText);
      const pending: Pending = { consumer, deliveryTime, deliveryCount };
      group.pel.add(id, pending);
      consumer.pel.add(id, pending);
    }
    s.groups.set(g.name, group);
  }
  return s;
}
