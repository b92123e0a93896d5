import type { Connections } from './connections.js';
import { field, ownLine, replicaSynced } from './facts.js';
import { formatSlots } from './slots.js';
import type { LocalCluster, LocalNode } from './types.js';

/**
 * Whether a local cluster is still laid out as it was started, so that emptying it makes it as good as a new
 * one: every node running, in its role, replicating its primary, serving its slots and nothing being migrated.
 * `@kill` is known without asking; this catches what a lesson's own lines can do (`@node replica-1 CLUSTER
 * FAILOVER`, `REPLICAOF NO ONE`, `CLUSTER SETSLOT ... MIGRATING`). Asks every node at once; a node that does
 * not answer is not whole.
 */
export async function laidOutAsStarted(cluster: LocalCluster, raw: Connections): Promise<boolean> {
  const holds = (node: LocalNode) => (cluster.shape === 'cluster' ? clusterNodeHolds(cluster, node, raw) : pairNodeHolds(cluster, node, raw));
  try {
    return (await Promise.all(cluster.nodes.map((node) => node.alive && holds(node)))).every(Boolean);
  } catch {
    return false;
  }
}

async function clusterNodeHolds(cluster: LocalCluster, node: LocalNode, raw: Connections): Promise<boolean> {
  const own = ownLine(await raw.text(node.port, ['CLUSTER', 'NODES']));
  const primary = node.replicaOf === undefined ? undefined : cluster.node(node.replicaOf);
  if (node.role === 'primary') return own?.role === 'master' && own.master === '-' && own.slots === formatSlots(node.slots);
  return own?.role === 'slave' && own.master === primary?.id && own.slots === '';
}

async function pairNodeHolds(cluster: LocalCluster, node: LocalNode, raw: Connections): Promise<boolean> {
  const info = await raw.text(node.port, ['INFO', 'replication']);
  if (node.role === 'primary') return field(info, 'role') === 'master';
  return replicaSynced(info) && field(info, 'master_port') === String(cluster.node(node.replicaOf!).port);
}
