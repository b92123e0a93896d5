import { compareIds, isZero, MAX_ID, type StreamId } from './id.js';
import { UNKNOWN_READS, type ConsumerGroup } from './groups.js';
import type { Stream } from './stream.js';

/**
 * A consumer group's read counter and lag, as Redis 7.0 tracks them: exact while no entry was deleted
 * in the part of the stream still ahead of the group, estimated or unknown (nil) otherwise.
 */

/** streamRangeHasTombstones: could an entry from `start` on have been deleted? */
export function hasTombstones(s: Stream, start: StreamId, end: StreamId = MAX_ID): boolean {
  if (s.length === 0 || isZero(s.maxDeletedId)) return false;
  if (compareIds(s.firstId, s.maxDeletedId) > 0) return false;
  return compareIds(start, s.maxDeletedId) <= 0 && compareIds(s.maxDeletedId, end) <= 0;
}

/** streamEstimateDistanceFromFirstEverEntry: the read counter of `id`, or UNKNOWN_READS. */
export function readsAt(s: Stream, id: StreamId): number {
  if (s.entriesAdded === 0) return 0;
  if (s.length === 0 && compareIds(id, s.lastId) < 1) return s.entriesAdded;
  const last = compareIds(id, s.lastId);
  if (last === 0) return s.entriesAdded;
  if (last > 0) return UNKNOWN_READS;
  const first = compareIds(id, s.firstId);
  if (isZero(s.maxDeletedId) || compareIds(s.maxDeletedId, s.firstId) < 0) {
    if (first < 0) return s.entriesAdded - s.length;
    if (first === 0) return s.entriesAdded - s.length + 1;
  }
  return UNKNOWN_READS;
}

/** The group read `id` (past its last delivered id): its counter moves on, or is re-estimated. */
export function advanceReads(s: Stream, group: ConsumerGroup, id: StreamId): void {
  if (group.entriesRead !== UNKNOWN_READS && !hasTombstones(s, id)) group.entriesRead++;
  else if (s.entriesAdded !== 0) group.entriesRead = readsAt(s, id);
  group.lastId = id;
}

/** streamReplyWithCGLag: the lag, or undefined when it cannot be known. */
export function lagOf(s: Stream, group: ConsumerGroup): number | undefined {
  if (s.entriesAdded === 0) return 0;
  if (group.entriesRead !== UNKNOWN_READS && !hasTombstones(s, group.lastId)) return s.entriesAdded - group.entriesRead;
  const reads = readsAt(s, group.lastId);
  return reads === UNKNOWN_READS ? undefined : s.entriesAdded - reads;
}
