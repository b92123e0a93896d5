import type { Bytes } from '../types.js';
import type { Deque } from './deque.js';

export interface LposOptions {
  /** 1 = first match from the head, -1 = first match from the tail, 2 = second ... (never 0). */
  rank: number;
  /** How many matches to return; 0 = all. */
  count: number;
  /** How many elements to compare at most; 0 = no limit. */
  maxlen: number;
}

/** The head-based indexes of `element` in `list`, walking as LPOS does. */
export function lpos(list: Deque, element: Bytes, { rank, count, maxlen }: LposOptions): number[] {
  const fromTail = rank < 0;
  // Redis negates a negative rank; LLONG_MIN stays negative and so matches the first hit, like -1.
  const skip = rank === -(2 ** 63) ? 0 : Math.abs(rank) - 1;
  const found: number[] = [];
  let matches = 0;
  const n = list.length;
  for (let step = 0; step < n && (maxlen === 0 || step < maxlen); step++) {
    const index = fromTail ? n - 1 - step : step;
    if (list.at(index) !== element) continue;
    matches++;
    if (matches <= skip) continue;
    found.push(index);
    if (count !== 0 && found.length >= count) break;
  }
  return found;
}
