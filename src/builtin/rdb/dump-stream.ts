import { byName, type ConsumerGroup } from '../stream/groups.js';
import type { StreamId } from '../stream/id.js';
import type { Stream } from '../stream/stream.js';
import type { StreamNode } from '../stream/node.js';
import type { Bytes } from '../types.js';
import { encodeListpack } from './listpack.js';
import type { RdbWriter } from './rdb-writer.js';

/** Entry flags in a stream listpack (t_stream.c). */
const FLAG_DELETED = 1;
const FLAG_SAMEFIELDS = 2;

/** streamID as a rax key or a PEL entry: both halves as big-endian 64-bit numbers. */
function rawId(id: StreamId): Buffer {
  const out = Buffer.alloc(16);
  out.writeBigUInt64BE(id.ms, 0);
  out.writeBigUInt64BE(id.seq, 8);
  return out;
}

/** rdbSaveMillisecondTime: a signed 64-bit little-endian count of milliseconds. */
function millis(w: RdbWriter, ms: number): void {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(BigInt(ms), 0);
  w.raw(b);
}

/**
 * A node's listpack as Redis lays it out: the master entry (live count, deleted count, the master
 * fields, a 0 terminator), then each entry: flags, ms and seq deltas from the master id, the values
 * alone when its fields are the master's (else their count and the field-value pairs), and the number
 * of listpack elements the entry took.
 */
function nodeListpack(node: StreamNode): Buffer {
  const items: Bytes[] = [String(node.live), String(node.deletedCount), String(node.masterFields.length), ...node.masterFields, '0'];
  for (const e of node.entries) {
    const pairs = e.fields.length / 2;
    const same = pairs === node.masterFields.length && node.masterFields.every((f, i) => e.fields[i * 2] === f);
    items.push(String((e.deleted ? FLAG_DELETED : 0) | (same ? FLAG_SAMEFIELDS : 0)), String(e.id.ms - node.master.ms), String(e.id.seq - node.master.seq));
    if (same) for (let i = 1; i < e.fields.length; i += 2) items.push(e.fields[i]!);
    else items.push(String(pairs), ...e.fields);
    items.push(String(3 + pairs + (same ? 0 : pairs + 1)));
  }
  return encodeListpack(items);
}

function pel(w: RdbWriter, ids: Iterable<[StreamId, { deliveryTime: number; deliveryCount: number }]>, size: number, withNacks: boolean): void {
  w.length(size);
  for (const [id, p] of ids) {
    w.raw(rawId(id));
    if (!withNacks) continue;
    millis(w, p.deliveryTime);
    w.length(p.deliveryCount);
  }
}

function group(w: RdbWriter, name: Bytes, g: ConsumerGroup): void {
  w.string(Buffer.from(name, 'latin1'));
  w.bigLength(g.lastId.ms);
  w.bigLength(g.lastId.seq);
  w.bigLength(BigInt.asUintN(64, BigInt(g.entriesRead)));
  pel(w, g.pel.from(), g.pel.size, true);
  w.length(g.consumers.size);
  for (const [consumerName, c] of byName(g.consumers)) {
    w.string(Buffer.from(consumerName, 'latin1'));
    millis(w, c.seenTime);
    pel(w, c.pel.from(), c.pel.size, false);
  }
}

/** RDB_TYPE_STREAM_LISTPACKS_2's body, as Redis 7.0's rdbSaveObject writes a stream. */
export function writeStream(w: RdbWriter, s: Stream): void {
  w.length(s.nodes.length);
  for (const node of s.nodes) {
    w.string(rawId(node.master));
    w.string(nodeListpack(node));
  }
  w.length(s.length);
  for (const id of [s.lastId, s.firstId, s.maxDeletedId]) {
    w.bigLength(id.ms);
    w.bigLength(id.seq);
  }
  w.length(s.entriesAdded);
  w.length(s.groups.size);
  for (const [name, g] of byName(s.groups)) group(w, name, g);
}
