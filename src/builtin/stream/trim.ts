import { compareIds, MIN_ID, type StreamId } from './id.js';
import type { Stream } from './stream.js';

export interface TrimArgs {
  strategy: 'maxlen' | 'minid';
  /** MAXLEN's count (a JS number: compared with lengths, exact far past any real stream). */
  maxlen: number;
  minid: StreamId;
  /** `~`: whole nodes only. */
  approx: boolean;
  /** Most entries to remove, 0 for no limit (Redis's default with `~` is 100 * stream-node-max-entries). */
  limit: number;
}

/**
 * streamTrim: removes whole nodes from the head while they can go entirely; then, unless approximate,
 * flags entries deleted inside the first node that must stay. Answers how many entries went.
 */
export function trimStream(s: Stream, args: TrimArgs): number {
  let deleted = 0;
  while (s.nodes.length > 0) {
    if (args.strategy === 'maxlen' && s.length <= args.maxlen) break;
    const node = s.nodes[0]!;
    const entries = node.live;
    if (args.limit !== 0 && deleted + entries > args.limit) break;
    const removeNode = args.strategy === 'maxlen' ? s.length - entries >= args.maxlen : compareIds(node.lastPhysicalId(), args.minid) < 0;
    if (removeNode) {
      s.nodes.shift();
      s.length -= entries;
      deleted += entries;
      continue;
    }
    if (args.approx) break;
    let fromNode = 0;
    for (const e of node.entries) {
      const stop = args.strategy === 'maxlen' ? s.length <= args.maxlen : compareIds(e.id, args.minid) >= 0;
      if (stop) break;
      if (!e.deleted) {
        e.deleted = true;
        fromNode++;
        s.length--;
      }
    }
    node.live -= fromNode;
    node.deletedCount += fromNode;
    deleted += fromNode;
    break;
  }
  if (deleted > 0) s.firstId = s.length === 0 ? MIN_ID : s.edgeId(true)!;
  return deleted;
}
