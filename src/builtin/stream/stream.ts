import type { Bytes, StreamLike } from '../types.js';
import type { ConsumerGroup } from './groups.js';
import { cloneGroups } from './groups.js';
import { compareIds, MAX_ID, MIN_ID, type StreamId } from './id.js';
import { DEFAULT_LIMITS, type NodeLimits } from './limits.js';
import { StreamNode, type Entry } from './node.js';

/**
 * A stream: its entries in nodes as Redis's radix tree of listpacks holds them (see node.ts), the
 * counters XINFO shows, and its consumer groups (by name).
 */
export class Stream implements StreamLike {
  nodes: StreamNode[] = [];
  length = 0;
  lastId: StreamId = MIN_ID;
  /** The first live entry's id as Redis records it (0-0 once empty), for the groups' lag. */
  firstId: StreamId = MIN_ID;
  maxDeletedId: StreamId = MIN_ID;
  entriesAdded = 0;
  groups = new Map<Bytes, ConsumerGroup>();

  /** Appends an entry whose id is already known to be greater than `lastId` (streamAppendItem). */
  append(id: StreamId, fields: readonly Bytes[], limits: NodeLimits = DEFAULT_LIMITS): void {
    let rawBytes = 0;
    for (const f of fields) rawBytes += f.length;
    let tail = this.nodes[this.nodes.length - 1];
    const full = (node: StreamNode): boolean => node.bytes + rawBytes >= limits.maxBytes || (limits.maxEntries !== 0 && node.live + node.deletedCount >= limits.maxEntries);
    if (tail !== undefined && full(tail)) tail = undefined;
    if (tail === undefined) {
      const names: Bytes[] = [];
      for (let i = 0; i < fields.length; i += 2) names.push(fields[i]!);
      tail = new StreamNode(id, names);
      // Nodes are keyed by master id: after XSETID moved the last id back, a new node can sort before the tail.
      this.nodes.splice(this.nodeIndexFor(id) + 1, 0, tail);
    }
    tail.append(id, fields);
    this.length++;
    this.entriesAdded++;
    this.lastId = id;
    if (this.length === 1) this.firstId = id;
  }

  /** Index of the node that holds `id` if any entry does: the last node whose master id is not above it. */
  nodeIndexFor(id: StreamId): number {
    let lo = 0;
    let hi = this.nodes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (compareIds(this.nodes[mid]!.master, id) <= 0) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * Live entries from `start` to `end`, ascending, or descending with `rev`, walked as Redis's stream
   * iterator walks them: from the node found for the first bound, in each node's physical order, ending
   * at the first live entry past the other bound. After XSETID moved the last id back, XADD can append
   * an id below entries already in the tail node; Redis then answers what this walk finds, and so does
   * the engine.
   */
  *range(start: StreamId = MIN_ID, end: StreamId = MAX_ID, rev = false): Generator<Entry> {
    for (const [, e] of this.walk(start, end, rev)) yield e;
  }

  private *walk(start: StreamId, end: StreamId, rev: boolean): Generator<[number, Entry]> {
    if (compareIds(start, end) > 0 || this.nodes.length === 0) return;
    if (!rev) {
      for (let n = Math.max(0, this.nodeIndexFor(start)); n < this.nodes.length; n++) {
        for (const e of this.nodes[n]!.entries) {
          if (e.deleted || compareIds(e.id, start) < 0) continue;
          if (compareIds(e.id, end) > 0) return;
          yield [n, e];
        }
      }
      return;
    }
    const from = this.nodeIndexFor(end);
    for (let n = from < 0 ? this.nodes.length - 1 : from; n >= 0; n--) {
      const entries = this.nodes[n]!.entries;
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i]!;
        if (e.deleted || compareIds(e.id, end) > 0) continue;
        if (compareIds(e.id, start) < 0) return;
        yield [n, e];
      }
    }
  }

  /** The live entry with this id, as Redis's lookups find it (the first entry a walk from the id meets). */
  get(id: StreamId): Entry | undefined {
    for (const e of this.range(id, id)) return e;
    return undefined;
  }

  /** The first or last live entry's id (streamGetEdgeID skipping tombstones). */
  edgeId(first: boolean): StreamId | undefined {
    for (const e of this.range(MIN_ID, MAX_ID, !first)) return e.id;
    return undefined;
  }

  /** Marks one live entry deleted; a node whose last live entry goes is removed whole (streamDeleteItem). */
  delete(id: StreamId): boolean {
    for (const [n, entry] of this.walk(id, id, false)) {
      const node = this.nodes[n]!;
      entry.deleted = true;
      if (node.live === 1) this.nodes.splice(n, 1);
      else {
        node.live--;
        node.deletedCount++;
      }
      this.length--;
      return true;
    }
    return false;
  }

  clone(): Stream {
    const copy = new Stream();
    for (const node of this.nodes) {
      const n = new StreamNode(node.master, node.masterFields);
      for (const e of node.entries) n.entries.push({ ...e });
      n.live = node.live;
      n.deletedCount = node.deletedCount;
      n.bytes = node.bytes;
      copy.nodes.push(n);
    }
    copy.length = this.length;
    copy.lastId = this.lastId;
    copy.firstId = this.firstId;
    copy.maxDeletedId = this.maxDeletedId;
    copy.entriesAdded = this.entriesAdded;
    copy.groups = cloneGroups(this.groups);
    return copy;
  }

  approximateBytes(): number {
    let n = 200;
    for (const node of this.nodes) n += node.bytes + node.entries.length * 64;
    for (const g of this.groups.values()) n += 200 + g.pel.size * 120 + g.consumers.size * 150;
    return n;
  }
}
