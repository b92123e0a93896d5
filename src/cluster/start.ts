import { findRedisServer } from '../connection/find-server.js';
import { UserError } from '../errors.js';
import { clusterMsg } from './messages.js';
import type { ClusterShape, LocalCluster } from './types.js';

export type { ClusterShape, LocalCluster, LocalNode } from './types.js';

/**
 * Why no local cluster can start here (no redis-server on PATH or at REDIS_SERVER_BIN), in the learner's
 * language with how to install Redis; undefined when one can. For a menu to grey a lesson out.
 */
export function clusterUnavailable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findRedisServer(env) === undefined ? clusterMsg.noRedisServer(env.REDIS_SERVER_BIN) : undefined;
}

/**
 * Starts real redis-server processes on loopback ports, ready to use: `replication`, a primary and its synced
 * replica; `cluster`, three primaries with a replica each, cluster_state:ok on every node. They end with
 * `stop()`, and on any end of the tutor (a `kill -9` included, through their watchdogs).
 */
export async function startLocalCluster(shape: ClusterShape, env: NodeJS.ProcessEnv = process.env): Promise<LocalCluster> {
  const bin = findRedisServer(env);
  if (bin === undefined) throw new UserError(clusterMsg.noRedisServer(env.REDIS_SERVER_BIN));
  // Each shape's code only when it is asked for.
  if (shape === 'replication') return (await import('./replication.js')).startReplication(bin);
  return (await import('./redis-cluster.js')).startRedisCluster(bin);
}
