import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '../../src/cluster/start.js';
import { RespClient } from '../../src/resp/client.js';
import { expectAllGone } from './gone.js';

let pair: LocalCluster;
const clients: RespClient[] = [];
const connect = async (name: string) => {
  const node = pair.node(name);
  const client = await RespClient.connect({ host: node.host, port: node.port, tls: false, source: 'test' });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  pair = await startLocalCluster('replication');
});
afterAll(async () => {
  for (const client of clients) client.close();
  await pair?.stop();
});

it('starts a primary and a synced replica of it', async () => {
  expect(pair.nodes.map((n) => [n.name, n.role, n.replicaOf])).toEqual([
    ['primary', 'primary', undefined],
    ['replica', 'replica', 'primary'],
  ]);
  const info = (await (await connect('replica')).call(['INFO', 'replication'])).value!.toString();
  expect(info).toMatch(/^master_link_status:up\r$/m);
  expect(info).toContain(`master_port:${pair.node('primary').port}`);
});

it('a write on the primary is read back from the replica; the replica refuses writes', async () => {
  const primary = await connect('primary');
  const replica = await connect('replica');
  expect(await primary.call(['SET', 'greeting', 'hello'])).toEqual({ type: 'simple', value: 'OK' });
  expect(await primary.call(['WAIT', '1', '2000'])).toEqual({ type: 'integer', value: 1n });
  expect((await replica.call(['GET', 'greeting'])).value?.toString()).toBe('hello');
  expect(await replica.call(['SET', 'greeting', 'bye'])).toEqual({ type: 'error', value: "READONLY You can't write against a read only replica." });
});

it('has no failover to wait for, and names its nodes for an unknown one', async () => {
  await expect(pair.waitForFailover('primary')).rejects.toThrow(/REPLICAOF NO ONE/);
  expect(() => pair.node('primary-9')).toThrow(/no node "primary-9".*primary, replica/);
});

it('stop() leaves no process and no folder', async () => {
  const traces = pair.nodes.map(({ pid, port, dir }) => ({ pid, port, dir }));
  await pair.stop();
  await expectAllGone(traces);
});
