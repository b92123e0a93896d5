import { addConsumer, newGroup, type Pending } from '../stream/groups.js';
import type { StreamId } from '../stream/id.js';
import { StreamNode } from '../stream/node.js';
import { Stream } from '../stream/stream.js';
import type { Bytes } from '../types.js';
import { decodeListpack } from './listpack.js';
import { BadFormat, type RdbReader } from './rdb-reader.js';

const bad = (): never => {
  throw new BadFormat();
};

const FLAG_DELETED = 1;
const FLAG_SAMEFIELDS = 2;

function rawId(bytes: Buffer): StreamId {
  if (bytes.length !== 16) bad();
  return { ms: bytes.readBigUInt64BE(0), seq: bytes.readBigUInt64BE(8) };
}

const int = (s: Bytes | undefined): bigint => (s !== undefined && /^-?\d+$/.test(s) ? BigInt(s) : bad());

/** One node: its listpack parsed back into entries (deleted ones flagged), checked against its counts. */
function readNode(master: StreamId, lp: Bytes[]): StreamNode {
  let p = 0;
  const next = (): Bytes => (p < lp.length ? lp[p++]! : bad());
  const live = Number(int(next()));
  const deleted = Number(int(next()));
  const masterFields = Array.from({ length: Number(int(next())) }, next);
  if (next() !== '0') bad();
  const node = new StreamNode(master, masterFields);
  let seenDeleted = 0;
  while (p < lp.length) {
    const flags = Number(int(next()));
    const id = { ms: master.ms + int(next()), seq: master.seq + int(next()) };
    const fields: Bytes[] = [];
    if ((flags & FLAG_SAMEFIELDS) !== 0) for (const f of masterFields) fields.push(f, next());
    else for (let n = Number(int(next())); n > 0; n--) fields.push(next(), next());
    next(); // the entry's element count
    node.append(id, fields);
    if ((flags & FLAG_DELETED) !== 0) {
      node.entries[node.entries.length - 1]!.deleted = true;
      node.live--;
      node.deletedCount++;
      seenDeleted++;
    }
  }
  if (node.live !== live || seenDeleted !== deleted || live === 0) bad();
  return node;
}

function readPel(r: RdbReader, withNacks: boolean): Array<{ id: StreamId; deliveryTime: number; deliveryCount: number }> {
  return Array.from({ length: r.length() }, () => {
    const id = rawId(r.take(16));
    if (!withNacks) return { id, deliveryTime: 0, deliveryCount: 0 };
    const deliveryTime = Number(r.take(8).readBigInt64LE(0));
    return { id, deliveryTime, deliveryCount: r.length() };
  });
}

/** RDB_TYPE_STREAM_LISTPACKS_2's body (Redis 7.0), into the engine's stream with its groups. */
export function readStream(r: RdbReader): Stream {
  const s = new Stream();
  for (let n = r.length(); n > 0; n--) {
    const master = rawId(r.string());
    const lp = decodeListpack(r.string()) ?? bad();
    if (lp.length === 0) bad();
    s.nodes.push(readNode(master, lp));
  }
  s.length = r.length();
  const id = (): StreamId => ({ ms: r.bigLength(), seq: r.bigLength() });
  s.lastId = id();
  s.firstId = id();
  s.maxDeletedId = id();
  s.entriesAdded = r.length();
  if (s.nodes.reduce((sum, node) => sum + node.live, 0) !== s.length) bad();
  for (let g = r.length(); g > 0; g--) {
    const name = r.string().toString('latin1');
    const lastId = id();
    const group = newGroup(lastId, Number(BigInt.asIntN(64, r.bigLength())));
    if (s.groups.has(name)) bad();
    s.groups.set(name, group);
    const nacks = new Map<string, Pending>();
    for (const p of readPel(r, true)) {
      const pending = { consumer: undefined as never, deliveryTime: p.deliveryTime, deliveryCount: p.deliveryCount } as Pending;
      group.pel.add(p.id, pending);
      nacks.set(`${p.id.ms}-${p.id.seq}`, pending);
    }
    for (let c = r.length(); c > 0; c--) {
      const consumer = addConsumer(group, r.string().toString('latin1'), 0);
      consumer.seenTime = Number(r.take(8).readBigInt64LE(0));
      for (const p of readPel(r, false)) {
        const pending = nacks.get(`${p.id.ms}-${p.id.seq}`) ?? bad();
        pending.consumer = consumer;
        consumer.pel.add(p.id, pending);
      }
    }
    for (const pending of nacks.values()) if (pending.consumer === undefined) bad();
  }
  return s;
}
