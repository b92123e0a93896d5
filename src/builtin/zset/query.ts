import { inclusiveRange } from '../util/range.js';
import { aboveMin, belowMax, emptyLexRange, emptyScoreRange, lexAboveMin, lexBelowMax, type LexRange, type ScoreRange } from './ranges.js';
import type { SortedSet, ZEntry } from './sorted-set.js';

/** LIMIT offset count: a negative offset selects nothing, a negative count means no limit (as in Redis). */
export interface Limit {
  offset: number;
  count: number;
}

export const NO_LIMIT: Limit = { offset: 0, count: -1 };

/** ZRANGE by rank: indexes into ascending order, or into descending order when `reverse`. */
export function byRank(z: SortedSet, start: number, end: number, reverse: boolean): ZEntry[] {
  const range = inclusiveRange(start, end, z.size);
  if (range === undefined) return [];
  if (!reverse) return z.slice(range[0], range[1]);
  return z.slice(z.size - 1 - range[1], z.size - 1 - range[0]).reverse();
}

/** Walks from index `from` one way while `inRange` holds, after skipping `offset`, up to `count`. */
function walk(z: SortedSet, from: number, step: 1 | -1, inRange: (e: ZEntry) => boolean, { offset, count }: Limit): ZEntry[] {
  if (offset < 0 || (offset > 0 && offset >= z.size)) return [];
  const out: ZEntry[] = [];
  for (let i = from + step * offset; i >= 0 && i < z.size && (count < 0 || out.length < count); i += step) {
    const e = z.at(i);
    if (!inRange(e)) break;
    out.push(e);
  }
  return out;
}

export function byScore(z: SortedSet, r: ScoreRange, reverse: boolean, limit: Limit = NO_LIMIT): ZEntry[] {
  if (emptyScoreRange(r) || z.size === 0) return [];
  if (!reverse) {
    const first = z.lowerBound((e) => !aboveMin(e.score, r));
    return walk(z, first, 1, (e) => belowMax(e.score, r), limit);
  }
  const last = z.lowerBound((e) => belowMax(e.score, r)) - 1;
  return walk(z, last, -1, (e) => aboveMin(e.score, r), limit);
}

/**
 * ZRANGEBYLEX walks as Redis's listpack code does: from the first member (from the head) that is at
 * least min, while members stay at most max. With equal scores (the documented use) this is the
 * lexicographic range; with mixed scores it is what a listpack-encoded Redis answers.
 */
export function byLex(z: SortedSet, r: LexRange, reverse: boolean, limit: Limit = NO_LIMIT): ZEntry[] {
  if (emptyLexRange(r) || z.size === 0) return [];
  if (!lexAboveMin(z.at(z.size - 1).member, r) || !lexBelowMax(z.at(0).member, r)) return [];
  if (!reverse) {
    let i = 0;
    while (i < z.size && !lexAboveMin(z.at(i).member, r)) i++;
    if (i === z.size || !lexBelowMax(z.at(i).member, r)) return [];
    return walk(z, i, 1, (e) => lexBelowMax(e.member, r), limit);
  }
  let i = z.size - 1;
  while (i >= 0 && !lexBelowMax(z.at(i).member, r)) i--;
  if (i < 0 || !lexAboveMin(z.at(i).member, r)) return [];
  return walk(z, i, -1, (e) => lexAboveMin(e.member, r), limit);
}
