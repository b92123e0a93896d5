/**
 * The `redis.conf` lines of a local cluster's node after its address and folder (owned-server.ts writes those).
 * Pure: the ports are chosen by the caller.
 */

/** Every node: nothing written to disk, and a replica's first sync at once (Redis 7.0 waits 5 s by default for more replicas to join a diskless sync). */
const EVERY_NODE = ['save ""', 'appendonly no', 'repl-diskless-sync yes', 'repl-diskless-sync-delay 0'];

/** How long a Redis Cluster node may not answer before the others count it as failing. */
export const NODE_TIMEOUT_MS = 1000;

/** A node of the primary-and-replica pair: a plain server (the replica is told REPLICAOF once both run). */
export function replicationNodeConfig(): string[] {
  return [...EVERY_NODE];
}

/**
 * A Redis Cluster node. `busPort`: its cluster bus, chosen apart (the default, port + 10000, may be taken or past
 * 65535). A short node timeout and no replica validity limit, so that a killed primary's replica takes over in a
 * few seconds whatever its last contact; no replica migration, so the layout stays as the lesson drew it.
 * Primaries ping their replicas every second, not every 10: CLUSTER SLOTS leaves out a replica whose replication
 * offset is still 0, and on an empty primary only that ping moves it.
 */
export function clusterNodeConfig(busPort: number): string[] {
  return [
    ...EVERY_NODE,
    'cluster-enabled yes',
    'cluster-config-file nodes.conf',
    `cluster-port ${busPort}`,
    `cluster-node-timeout ${NODE_TIMEOUT_MS}`,
    'cluster-replica-validity-factor 0',
    'cluster-allow-replica-migration no',
    'repl-ping-replica-period 1',
  ];
}
