import { idKey, type StreamId } from './id.js';

/**
 * How many nodes Redis's radix tree has for these keys (XINFO STREAM's radix-tree-nodes). Keys are the
 * nodes' master ids as 16 big-endian bytes. A rax keeps one node where keys branch, one for each child
 * of a branch, a compressed node for every run of single-child bytes starting at the root or below a
 * branch, and a leaf per key; its insertions and deletions keep that shape, so the count follows from
 * the set of keys alone. An empty tree is its root.
 */
export function raxNodeCount(masters: readonly StreamId[]): number {
  if (masters.length === 0) return 1;
  const keys = masters.map(idKey);
  return count(keys, 0, keys.length, 0, true);
}

/** Keys are hex: two characters a byte. `top` says a node starts here (the root, or a branch's child). */
function count(keys: string[], from: number, to: number, depth: number, top: boolean): number {
  const first = keys[from]!;
  if (to - from === 1) return depth === 32 ? 1 : top ? 2 : 1;
  const last = keys[to - 1]!;
  let common = depth;
  while (common < 32 && first.slice(common, common + 2) === last.slice(common, common + 2)) common += 2;
  let n = (top && common > depth ? 1 : 0) + 1;
  let i = from;
  while (i < to) {
    const byte = keys[i]!.slice(common, common + 2);
    let j = i + 1;
    while (j < to && keys[j]!.slice(common, common + 2) === byte) j++;
    n += count(keys, i, j, common + 2, true);
    i = j;
  }
  return n;
}
