import { RespClient } from '../resp/client.js';
import type { RedisClient } from './client.js';
import type { Endpoint } from './options.js';

/** What the tutor knows of a server that runs Redis Cluster. */
export interface ClusterFacts {
  /** Primaries serving slots (CLUSTER INFO's cluster_size). */
  primaries: number;
  /** Keys on every reachable primary, summed (DBSIZE on each): a cluster has db 0 only. */
  keys: number;
}

/** Pure: the primaries CLUSTER NODES lists as up, `host:port` each. */
export function livePrimaries(nodes: string): { host: string; port: number }[] {
  return nodes
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter((f) => f.length >= 3 && f[2]!.split(',').includes('master') && !/fail|noaddr/.test(f[2]!))
    .map((f) => /^(.*):(\d+)@/.exec(f[1]!))
    .filter((m) => m !== null)
    .map((m) => ({ host: m[1]!, port: Number(m[2]) }));
}

const field = (info: string, name: string) => new RegExp(`^${name}:(\\S+)`, 'm').exec(info)?.[1];

/**
 * Whether the server runs Redis Cluster and, when it does, how many primaries and keys it has; reads only
 * (INFO cluster, CLUSTER INFO, CLUSTER NODES, DBSIZE on each primary, on connections of its own).
 */
export async function clusterFacts(client: RedisClient, endpoint: Endpoint): Promise<ClusterFacts | undefined> {
  // A server whose INFO is renamed or disabled is not taken for a cluster: the rest of the chain judges it.
  const mode = await client.info('cluster').then(String, () => '');
  if (field(mode, 'cluster_enabled') !== '1') return undefined;
  const info = String(await client.call('CLUSTER', 'INFO'));
  let keys = 0;
  for (const primary of livePrimaries(String(await client.call('CLUSTER', 'NODES')))) {
    // A node that does not know its own address gives an empty host: the one the learner named.
    const at = await RespClient.connect({ ...endpoint, host: primary.host || endpoint.host, port: primary.port }, { timeoutMs: 2000 }).catch(() => undefined);
    if (at === undefined) continue;
    try {
      const size = await at.call(['DBSIZE']);
      if (size.type === 'integer') keys += Number(size.value);
    } finally {
      at.close();
    }
  }
  return { primaries: Number(field(info, 'cluster_size') ?? 0), keys };
}
