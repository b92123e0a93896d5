import { UserError } from '../errors.js';
import { Connections } from './connections.js';
import { field, slotOwners } from './facts.js';
import { clusterMsg } from './messages.js';
import { until } from './poll.js';
import type { LocalNode } from './types.js';

/**
 * Waits until `primary`'s replica has taken over: it says it is a primary, and every node still running says
 * cluster_state:ok and gives it the old primary's slots. Then the records say so too (the replica a primary
 * with those slots, the old primary without slots) and the replica is returned.
 */
export async function waitForTakeover(nodes: readonly LocalNode[], primary: LocalNode, timeoutMs: number): Promise<LocalNode> {
  const replica = nodes.find((node) => node.replicaOf === primary.name && node.alive);
  if (primary.role !== 'primary' || primary.slots.length === 0 || replica === undefined) throw new UserError(clusterMsg.noFailover(primary.name));
  const connections = new Connections();
  try {
    await until(
      async () => {
        if (field(await connections.text(replica.port, ['INFO', 'replication']), 'role') !== 'master') return undefined;
        for (const node of nodes.filter((n) => n.alive)) {
          if (field(await connections.text(node.port, ['CLUSTER', 'INFO']), 'cluster_state') !== 'ok') return undefined;
          const owners = slotOwners(await connections.call(node.port, ['CLUSTER', 'SLOTS'])) ?? [];
          const served = primary.slots.every(([first, last]) => owners.some((o) => o.range[0] === first && o.range[1] === last && o.primary === replica.port));
          if (!served) return undefined;
        }
        return true;
      },
      timeoutMs,
      () => new UserError(clusterMsg.failoverTimeout(primary.name, replica.name, Math.round(timeoutMs / 1000))),
      50,
    );
  } finally {
    connections.close();
  }
  replica.role = 'primary';
  replica.slots = primary.slots;
  delete replica.replicaOf;
  primary.slots = [];
  return replica;
}
