import { freePort } from '../connection/ports.js';
import { UserError } from '../errors.js';
import { replicationNodeConfig } from './config.js';
import { replicaSynced } from './facts.js';
import { localCluster, nodeOf } from './local.js';
import { clusterMsg } from './messages.js';
import { setUpOrStop, startServers } from './nodes.js';
import { until } from './poll.js';
import type { LocalCluster } from './types.js';

/** How long the pair may take to be in sync before the tutor gives up (it takes well under a second). */
const READY_TIMEOUT_MS = 20_000;

/**
 * Shape (a): `primary` and `replica`, plain redis-servers. Both start at once; the replica is told REPLICAOF
 * once both answer (a replica started with `replicaof` tries once a second, so a primary not yet listening
 * would cost that second). Resolves when the replica's link is up, its first sync is over and the primary
 * counts it online.
 */
export async function startReplication(bin: string): Promise<LocalCluster> {
  const setup = async () => ({ port: await freePort(), config: replicationNodeConfig() });
  const servers = await startServers(bin, [setup, setup]);
  const [primary, replica] = servers as [(typeof servers)[0], (typeof servers)[0]];
  let missing = 'the replica had not connected';
  await setUpOrStop('replication', servers, async (nodes) => {
    const answer = await nodes.call(replica.port, ['REPLICAOF', '127.0.0.1', String(primary.port)]);
    if (answer.type === 'error') throw new Error(answer.value);
    await until(
      async () => {
        if (!replicaSynced(await nodes.text(replica.port, ['INFO', 'replication']))) return undefined;
        missing = 'the primary did not count the replica online';
        return /^slave0:.*state=online/m.test(await nodes.text(primary.port, ['INFO', 'replication'])) || undefined;
      },
      READY_TIMEOUT_MS,
      () => new UserError(clusterMsg.notReady('replication', READY_TIMEOUT_MS / 1000, missing)),
    );
  });
  return localCluster(
    'replication',
    servers,
    [nodeOf(primary, 'primary', 'primary'), nodeOf(replica, 'replica', 'replica', { replicaOf: 'primary' })],
    async (node) => {
      throw new UserError(clusterMsg.noFailover(node.name));
    },
  );
}
