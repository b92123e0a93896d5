import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ownLine, slotOwners } from '../../src/cluster/facts.js';
import { Topology } from '../../src/cluster/topology.js';
import type { LocalNode } from '../../src/cluster/types.js';
import { isRunning } from '../helpers/process.js';
import { expectAllGone, type NodeTraces } from './gone.js';
import { AS_STARTED, layoutOf } from './layout.js';
import { nodeCalls } from './node-calls.js';

/**
 * The topology a cluster lesson runs on, driven directly: a shape left for the other keeps running and comes
 * back emptied (same nodes, roles and slots), one whose layout a lesson changed is started anew, and with spares
 * (lessons check) the replacement of a wounded cluster starts during the @kill; nothing is left after stop().
 */

const { clients, on } = nodeCalls();
let topology: Topology | undefined;
afterEach(async () => {
  for (const client of clients.values()) client.close();
  clients.clear();
  await topology?.stop();
  topology = undefined;
});

/** The redis-servers this test process started (its children), as the process table lists them. */
function ownServers(): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout.split('\n');
  return ps
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m) => m !== null && Number(m[2]) === process.pid && /redis-server/.test(m[3]!) && isRunning(Number(m[1])))
    .map((m) => Number(m![1]));
}

const traces = (nodes: readonly LocalNode[]): NodeTraces[] => nodes.map(({ pid, port, dir }) => ({ pid, port, dir }));
const layout = (t: Topology) => t.cluster.nodes.map((n) => [n.name, n.port, n.role, n.replicaOf ?? '', n.slots]);

describe('ownLine (pure): a node\'s own line of CLUSTER NODES', () => {
  const id = (c: string) => c.repeat(40);
  it.each([
    [`${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460\n${id('b')} 127.0.0.1:7001@17001 slave ${id('a')} 0 1 1 connected`, { role: 'master', master: '-', slots: '0-5460' }],
    [`${id('a')} 127.0.0.1:7000@17000 master - 0 0 1 connected 0-5460\n${id('b')} 127.0.0.1:7001@17001 myself,slave ${id('a')} 0 1 1 connected\n`, { role: 'slave', master: id('a'), slots: '' }],
    [`${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460 [77->-${id('c')}]`, { role: 'master', master: '-', slots: `0-5460 [77->-${id('c')}]` }],
    [`${id('a')} 127.0.0.1:7000@17000 master - 0 0 1 connected 0-5460`, undefined],
  ])('%#', (nodes, own) => expect(ownLine(nodes)).toEqual(own));
});

it('a shape left for the other keeps running: going back to it is a flush (same nodes, roles and slots, empty)', async () => {
  const t = (topology = new Topology(process.env));
  expect(await t.ensure('replication')).toBe(true);
  const pair = layout(t);
  await on(t.cluster.node('primary'), 'SET', 'k', 'v');
  expect(await t.ensure('cluster')).toBe(true);
  const cluster = layout(t);
  await on(t.ownerOf('foo'), 'SET', 'foo', 'bar');

  expect(await t.ensure('replication')).toBe(false);
  expect(layout(t)).toEqual(pair);
  expect(await on(t.cluster.node('primary'), 'DBSIZE')).toEqual({ type: 'integer', value: 0n });
  expect(await on(t.cluster.node('replica'), 'DBSIZE')).toEqual({ type: 'integer', value: 0n });

  expect(await t.ensure('cluster')).toBe(false);
  expect(layout(t)).toEqual(cluster);
  for (const node of t.cluster.nodes) expect(await on(node, 'DBSIZE')).toEqual({ type: 'integer', value: 0n });
  expect(ownServers()).toHaveLength(8);
});

it('a layout the lesson changed (CLUSTER FAILOVER on a replica) is not flushed but started anew, as started', async () => {
  const t = (topology = new Topology(process.env));
  await t.ensure('cluster');
  const before = t.cluster.nodes.map((n) => n.port);
  const old = traces(t.cluster.nodes);
  expect(await on(t.cluster.node('replica-2'), 'CLUSTER', 'FAILOVER')).toEqual({ type: 'simple', value: 'OK' });
  const promoted = t.cluster.node('replica-2');
  await expect.poll(async () => (slotOwners(await on(promoted, 'CLUSTER', 'SLOTS')) ?? []).some((o) => o.primary === promoted.port), { timeout: 10_000 }).toBe(true);

  expect(await t.ensure('cluster')).toBe(true);
  expect(layoutOf(t.cluster.nodes)).toEqual(AS_STARTED);
  expect(t.cluster.nodes.map((n) => n.port)).not.toEqual(before);
  await expectAllGone(old);
});

it('spares: the lesson\'s other shape starts beside the first, a @kill starts its replacement, ensure takes it; stop leaves nothing', async () => {
  const t = (topology = new Topology(process.env, { spares: true }));
  t.prepare(['cluster']);
  await t.ensure('replication');
  // The cluster started beside the pair: taking it waits only for the rest of its start.
  expect(await t.ensure('cluster')).toBe(true);
  const wounded = traces(t.cluster.nodes);
  await t.kill('primary-3');
  // The wounded five, the pair, and the replacement's six (starting or started).
  await expect.poll(() => ownServers().length, { timeout: 10_000 }).toBe(13);
  const duringKill = ownServers();
  await t.cluster.waitForFailover('primary-3');

  expect(await t.ensure('cluster')).toBe(true);
  // The cluster taken is the one started during the kill, not one started now.
  for (const node of t.cluster.nodes) expect(duringKill).toContain(node.pid);
  expect(t.cluster.nodes.every((n) => n.alive)).toBe(true);
  expect(layoutOf(t.cluster.nodes)).toEqual(AS_STARTED);
  await expectAllGone(wounded);
  const fresh = traces(t.cluster.nodes);
  // A second kill: a spare starting again, stopped with the rest.
  await t.kill('replica-1');
  await t.stop();
  topology = undefined;
  await expectAllGone(fresh);
  expect(ownServers()).toEqual([]);
});

it('stop() while a spare is still starting: it is stopped once started, nothing is left', async () => {
  const t = (topology = new Topology(process.env, { spares: true }));
  t.prepare(['cluster']);
  await expect.poll(() => ownServers().length, { timeout: 10_000 }).toBe(6);
  await t.stop();
  topology = undefined;
  expect(ownServers()).toEqual([]);
});
