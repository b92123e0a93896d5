/**
 * Index ranges as Redis's LRANGE, LTRIM, ZRANGE and ZREMRANGEBYRANK read them: negative indexes count
 * from the end, both ends inclusive, clamped to the length. Undefined when the range selects nothing.
 */
export function inclusiveRange(start: number, end: number, length: number): [number, number] | undefined {
  if (start < 0) start += length;
  if (end < 0) end += length;
  if (start < 0) start = 0;
  if (start > end || start >= length) return undefined;
  if (end >= length) end = length - 1;
  return [start, end];
}

/** LINDEX and LSET: one index, negative from the end; undefined when outside the list. */
export function singleIndex(index: number, length: number): number | undefined {
  const i = index < 0 ? length + index : index;
  return i >= 0 && i < length ? i : undefined;
}
