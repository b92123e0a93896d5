import type { LocalNode } from '../../src/cluster/types.js';

/** A local Redis Cluster's nodes as a lesson reads them: name, role, whose replica, slots. */
export function layoutOf(nodes: readonly LocalNode[]): unknown[][] {
  return nodes.map((n) => [n.name, n.role, n.replicaOf ?? '', n.slots]);
}

/** The layout of a local Redis Cluster as started: the slots split as redis-cli --cluster create splits them. */
export const AS_STARTED = [
  ['primary-1', 'primary', '', [[0, 5460]]],
  ['primary-2', 'primary', '', [[5461, 10922]]],
  ['primary-3', 'primary', '', [[10923, 16383]]],
  ['replica-1', 'replica', 'primary-1', []],
  ['replica-2', 'replica', 'primary-2', []],
  ['replica-3', 'replica', 'primary-3', []],
];
