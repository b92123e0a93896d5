import type { OwnedServer } from '../connection/owned-server.js';
import { freePorts } from '../connection/ports.js';
import { UserError } from '../errors.js';
import { clusterNodeConfig } from './config.js';
import type { Connections } from './connections.js';
import { field, knowsNode, replicaSynced, sameOwners, slotOwners, type SlotOwner } from './facts.js';
import { waitForTakeover } from './failover.js';
import { localCluster, nodeOf } from './local.js';
import { clusterMsg } from './messages.js';
import { setUpOrStop, startServers } from './nodes.js';
import { until } from './poll.js';
import { splitSlots } from './slots.js';
import type { LocalCluster, LocalNode } from './types.js';

/** Primaries of the local cluster, each with one replica. */
const PRIMARIES = 3;
/** How long the cluster may take to be `ok` before the tutor gives up (about two seconds when the machine is free). */
const READY_TIMEOUT_MS = 30_000;

/**
 * Shape (b): `primary-1` ... `primary-3` with the slots split as `redis-cli --cluster create` splits them, and
 * `replica-n` replicating `primary-n`; done over the nodes' own commands (no redis-cli). All six start at once,
 * each is given its own config epoch and slots before the nodes meet (as redis-cli does, so no epoch collision
 * is left to settle), every pair meets directly (no waiting for gossip to introduce them), each replica is told
 * CLUSTER REPLICATE as soon as it knows its primary. Resolves when every node says cluster_state:ok and gives
 * the same slot map, and every replica has synced.
 */
export async function startRedisCluster(bin: string): Promise<LocalCluster> {
  const count = PRIMARIES * 2;
  // A port and a cluster bus port per node, all different; a retried start takes two new ones.
  const ports = await freePorts(count * 2);
  const busPorts: number[] = [];
  const setups = Array.from({ length: count }, (_, i) => {
    let first = true;
    return async () => {
      const [port, bus] = first ? [ports[2 * i]!, ports[2 * i + 1]!] : await freePorts(2);
      first = false;
      busPorts[i] = bus!;
      return { port: port!, config: clusterNodeConfig(bus!) };
    };
  });
  const servers = await startServers(bin, setups);
  const layout = await setUpOrStop('cluster', servers, (nodes) => form(servers, busPorts, nodes));
  return localCluster('cluster', servers, layout, (primary, timeoutMs) => waitForTakeover(layout, primary, timeoutMs));
}

/** Makes the started servers one cluster; returns its nodes: the primaries first, then their replicas in the same order. */
async function form(servers: readonly OwnedServer[], busPorts: readonly number[], nodes: Connections): Promise<LocalNode[]> {
  const ranges = splitSlots(PRIMARIES);
  const primaries = servers.slice(0, PRIMARIES);
  const replicas = servers.slice(PRIMARIES);
  const ids = await Promise.all(servers.map((s) => nodes.text(s.port, ['CLUSTER', 'MYID'])));
  await Promise.all(servers.map((s, i) => nodes.text(s.port, ['CLUSTER', 'SET-CONFIG-EPOCH', String(i + 1)])));
  await Promise.all(primaries.map((s, i) => nodes.text(s.port, ['CLUSTER', 'ADDSLOTSRANGE', String(ranges[i]![0]), String(ranges[i]![1])])));
  await Promise.all(
    servers.flatMap((s, i) => servers.slice(i + 1).map((other, k) => nodes.text(s.port, ['CLUSTER', 'MEET', '127.0.0.1', String(other.port), String(busPorts[i + 1 + k])]))),
  );
  let missing = 'the nodes had not met';
  const timedOut = () => new UserError(clusterMsg.notReady('cluster', READY_TIMEOUT_MS / 1000, missing));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  await Promise.all(
    replicas.map(async (replica, i) => {
      const primaryId = ids[i]!;
      await until(async () => knowsNode(await nodes.text(replica.port, ['CLUSTER', 'NODES']), primaryId) || undefined, deadline - Date.now(), timedOut);
      await nodes.text(replica.port, ['CLUSTER', 'REPLICATE', primaryId]);
    }),
  );
  const expected: SlotOwner[] = ranges.map((range, i) => ({ range, primary: primaries[i]!.port, replicas: [replicas[i]!.port] }));
  await until(
    async () => {
      for (const [i, s] of servers.entries()) {
        const name = nameOf(i);
        missing = `${name} did not say cluster_state:ok`;
        if (field(await nodes.text(s.port, ['CLUSTER', 'INFO']), 'cluster_state') !== 'ok') return undefined;
        missing = `${name} did not give the slot map yet`;
        const owners = slotOwners(await nodes.call(s.port, ['CLUSTER', 'SLOTS']));
        if (owners === undefined || !sameOwners(owners, expected)) return undefined;
        missing = `${name} had not synced with its primary`;
        if (i >= PRIMARIES && !replicaSynced(await nodes.text(s.port, ['INFO', 'replication']))) return undefined;
      }
      return true;
    },
    Math.max(0, deadline - Date.now()),
    timedOut,
  );
  return servers.map((s, i) =>
    i < PRIMARIES ? nodeOf(s, nameOf(i), 'primary', { id: ids[i]!, slots: [ranges[i]!] }) : nodeOf(s, nameOf(i), 'replica', { id: ids[i]!, replicaOf: nameOf(i - PRIMARIES) }),
  );
}

/** primary-1 ... primary-3, then replica-1 ... replica-3. */
function nameOf(i: number): string {
  return i < PRIMARIES ? `primary-${i + 1}` : `replica-${i - PRIMARIES + 1}`;
}
