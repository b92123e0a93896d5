import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '../../src/cluster/start.js';
import type { RespReply } from '../../src/resp/types.js';
import { nodeCalls } from './node-calls.js';
import { isRunning } from '../helpers/process.js';
import { expectAllGone } from './gone.js';
import { AS_STARTED, layoutOf } from './layout.js';

let cluster: LocalCluster;
const { clients, on } = nodeCalls();
const textOf = (reply: RespReply) => (reply.type === 'bulk' ? reply.value!.toString() : String(reply.value));
const ownerOf = (slot: number) => cluster.nodes.find((n) => n.alive && n.slots.some(([a, b]) => a <= slot && slot <= b))!;

beforeAll(async () => {
  cluster = await startLocalCluster('cluster');
});
afterAll(async () => {
  for (const client of clients.values()) client.close();
  await cluster?.stop();
});

describe('three primaries with a replica each', () => {
  it('is ok on every node, with the slots split as redis-cli splits them', async () => {
    expect(layoutOf(cluster.nodes)).toEqual(AS_STARTED);
    for (const node of cluster.nodes) {
      expect(textOf(await on(node, 'CLUSTER', 'INFO'))).toMatch(/^cluster_state:ok\r$/m);
      expect(isRunning(node.pid)).toBe(true);
    }
    const replication = textOf(await on(cluster.node('replica-3'), 'INFO', 'replication'));
    expect(replication).toContain(`master_port:${cluster.node('primary-3').port}`);
  });

  it('a key written through a node that does not hold its slot gets MOVED to the one that does', async () => {
    const slot = Number((await on(cluster.node('primary-1'), 'CLUSTER', 'KEYSLOT', 'user:1')).value);
    const owner = ownerOf(slot);
    const other = cluster.nodes.find((n) => n.role === 'primary' && n !== owner)!;
    expect(await on(other, 'SET', 'user:1', 'ada')).toEqual({ type: 'error', value: `MOVED ${slot} 127.0.0.1:${owner.port}` });
    expect(await on(owner, 'SET', 'user:1', 'ada')).toEqual({ type: 'simple', value: 'OK' });
  });

  it('MSET of keys in two slots is CROSSSLOT; a hash tag keeps them on one', async () => {
    const node = cluster.node('primary-1');
    expect(await on(node, 'MSET', 'a', '1', 'b', '2')).toEqual({ type: 'error', value: "CROSSSLOT Keys in request don't hash to the same slot" });
    const slot = Number((await on(node, 'CLUSTER', 'KEYSLOT', '{room:1}')).value);
    expect(await on(ownerOf(slot), 'MSET', '{room:1}:members', 'x', '{room:1}:log', 'y')).toEqual({ type: 'simple', value: 'OK' });
  });

  it('a killed primary is replaced by its replica, which then serves its slots', async () => {
    const killed = cluster.node('primary-2');
    const [first] = killed.slots[0]!;
    await cluster.kill('primary-2');
    expect(killed.alive).toBe(false);
    expect(isRunning(killed.pid)).toBe(false);
    const promoted = await cluster.waitForFailover('primary-2');
    expect(promoted.name).toBe('replica-2');
    expect([promoted.role, promoted.slots]).toEqual(['primary', [[5461, 10922]]]);
    expect(killed.slots).toEqual([]);
    expect(ownerOf(first)).toBe(promoted);
    // A key of those slots: written on the promoted replica, redirected there from the others.
    const key = 'user:2';
    const slot = Number((await on(cluster.node('primary-1'), 'CLUSTER', 'KEYSLOT', key)).value);
    expect(slot).toBeGreaterThanOrEqual(5461);
    expect(slot).toBeLessThanOrEqual(10922);
    expect(await on(promoted, 'SET', key, 'grace')).toEqual({ type: 'simple', value: 'OK' });
    expect(await on(cluster.node('primary-3'), 'GET', key)).toEqual({ type: 'error', value: `MOVED ${slot} 127.0.0.1:${promoted.port}` });
    expect(textOf(await on(cluster.node('replica-1'), 'CLUSTER', 'INFO'))).toMatch(/^cluster_state:ok\r$/m);
  });

  it('stop() leaves no process and no folder', async () => {
    for (const client of clients.values()) client.close();
    clients.clear();
    const traces = cluster.nodes.map(({ pid, port, dir }) => ({ pid, port, dir }));
    await cluster.stop();
    await expectAllGone(traces);
  });
});
