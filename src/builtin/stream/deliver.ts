import { array, NIL_ARRAY, type RespReply } from '../../resp/types.js';
import { compareIds, MAX_ID, type StreamId } from './id.js';
import { reassign, type Consumer, type ConsumerGroup, type Pending } from './groups.js';
import { advanceReads } from './lag.js';
import type { Stream } from './stream.js';
import { entryReply, idReply } from './value.js';

/**
 * XREADGROUP's `>`: entries from `start` on (up to `count`, 0 for all), each moving the group's last id
 * and read counter, and (without NOACK) pending for `consumer`; an entry pending for another consumer
 * (after XGROUP SETID) moves to this one with a fresh delivery count (streamReplyWithRange).
 */
export function deliverNew(s: Stream, group: ConsumerGroup, consumer: Consumer, start: StreamId, count: number, noack: boolean, now: number): RespReply[] {
  const out: RespReply[] = [];
  for (const e of s.range(start, MAX_ID)) {
    if (compareIds(e.id, group.lastId) > 0) advanceReads(s, group, e.id);
    out.push(entryReply(e));
    if (!noack) {
      const pending = group.pel.get(e.id);
      if (pending === undefined) {
        const created: Pending = { consumer, deliveryTime: now, deliveryCount: 1 };
        group.pel.add(e.id, created);
        consumer.pel.add(e.id, created);
      } else {
        reassign(e.id, pending, consumer);
        pending.deliveryTime = now;
        pending.deliveryCount = 1;
      }
    }
    if (out.length === count) break;
  }
  return out;
}

/**
 * XREADGROUP with an id: the consumer's own pending entries after it, each delivered again; an entry
 * deleted from the stream since comes back as [id, nil] (streamReplyWithRangeFromConsumerPEL).
 */
export function deliverHistory(s: Stream, consumer: Consumer, start: StreamId, count: number, now: number): RespReply[] {
  const out: RespReply[] = [];
  for (const [id, pending] of consumer.pel.from(start)) {
    if (count !== 0 && out.length >= count) break;
    const e = s.get(id);
    if (e === undefined) out.push(array([idReply(id), NIL_ARRAY]));
    else {
      out.push(entryReply(e));
      pending.deliveryTime = now;
      pending.deliveryCount++;
    }
  }
  return out;
}
