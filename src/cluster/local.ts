import type { OwnedServer } from '../connection/owned-server.js';
import { UserError } from '../errors.js';
import { clusterMsg } from './messages.js';
import { stopServers } from './nodes.js';
import type { ClusterShape, LocalCluster, LocalNode } from './types.js';

/** How long `waitForFailover` waits by default: a node timeout, the election and its gossip, on a busy machine. */
const FAILOVER_TIMEOUT_MS = 15_000;

/**
 * The handle a lesson gets: `nodes[i]` runs as `servers[i]`. `failover` waits for a primary's replica to take
 * over (the cluster's own way of seeing it; the replication pair has none).
 */
export function localCluster(
  shape: ClusterShape,
  servers: readonly OwnedServer[],
  nodes: LocalNode[],
  failover: (primary: LocalNode, timeoutMs: number) => Promise<LocalNode>,
): LocalCluster {
  const indexOf = (name: string) => {
    const i = nodes.findIndex((node) => node.name === name);
    if (i < 0) throw new UserError(clusterMsg.unknownNode(name, nodes.map((node) => node.name)));
    return i;
  };
  return {
    shape,
    nodes,
    node: (name) => nodes[indexOf(name)]!,
    async kill(name) {
      const i = indexOf(name);
      if (!nodes[i]!.alive) return;
      nodes[i]!.alive = false;
      await servers[i]!.kill();
    },
    waitForFailover: async (name, timeoutMs = FAILOVER_TIMEOUT_MS) => failover(nodes[indexOf(name)]!, timeoutMs),
    stop: () => stopServers(servers),
  };
}

/** A node record for `server`. */
export function nodeOf(server: OwnedServer, name: string, role: LocalNode['role'], extra: Partial<LocalNode> = {}): LocalNode {
  return { name, host: '127.0.0.1', port: server.port, pid: server.current.pid, dir: server.dir, role, slots: [], alive: true, ...extra };
}
