import { afterAll, beforeAll, expect, it } from 'vitest';
import { openClusterRedis } from '../../src/cluster/lesson-redis.js';
import { Topology } from '../../src/cluster/topology.js';
import type { LessonRedis } from '../../src/runner/redis.js';
import { enginePlayground } from '../runner/harness.js';

/** The lesson's Redis on the local cluster, driven directly: what each directive says, and what it refuses. */

let topology: Topology;
let redis: LessonRedis;
const text = async (line: string) => {
  const done = await redis.execute(line);
  return `${done.kind}: ${done.text}`;
};

beforeAll(async () => {
  topology = new Topology(process.env);
  await topology.ensure('replication');
  redis = await openClusterRedis(topology, 'replication');
});
afterAll(async () => {
  redis?.close();
  await topology?.stop();
});

it('a primary and its replica: @node reads the replica, refuses what would wait, names unknown nodes', async () => {
  expect(await text('SET greeting hi')).toBe('ran: OK');
  expect(await text('WAIT 1 1000')).toBe('ran: (integer) 1');
  expect(await text('@node replica GET greeting')).toBe('ran: (replica) "hi"');
  expect(await text('@node replica SUBSCRIBE news')).toMatch(/^refused: "SUBSCRIBE news" would keep that node's connection waiting/);
  expect(await text('@node replica BLPOP q 0')).toMatch(/^refused: "BLPOP q 0" would keep/);
  expect(await text('@node primary-1 PING')).toBe('refused: There is no node "primary-1" in the local cluster; its nodes are primary, replica.');
  expect(await text('@failover primary')).toMatch(/^refused: primary is not a primary of the local Redis Cluster/);
  expect(redis.promptOf('replica')).toMatch(/^replica 127\.0\.0\.1:\d+> $/);
});

it('@kill moves the lesson connection to the replica; a killed node is refused by name', async () => {
  const before = redis.prompt;
  expect(await text('@kill primary')).toMatch(/^directive: primary \(pid \d+\) killed with SIGKILL.*The lesson's connection was on primary; it now talks to replica 127\.0\.0\.1:\d+\.$/);
  expect(redis.prompt).not.toBe(before);
  expect(await text('GET greeting')).toBe('ran: "hi"');
  expect(await text('@node primary PING')).toBe('refused: primary was killed (@kill), so nothing answers there; the other nodes do.');
});

it('@cluster cluster: the checks read keys on the nodes that serve them; @failover waits only for a killed primary', async () => {
  expect(await text('@cluster cluster')).toMatch(/^directive: A fresh local Redis Cluster, three primaries with a replica each, ready in \d+\.\d s: primary-1 127\.0\.0\.1:\d+, /);
  expect(await text('SET foo bar')).toMatch(/^ran: -> Redirected to slot \[12182\] located at 127\.0\.0\.1:\d+\nOK$/);
  expect(await text('SET b two')).toMatch(/^ran: -> Redirected to slot \[3300\] located at 127\.0\.0\.1:\d+\nOK$/);
  const read = await redis.read(['foo', 'b', 'none']);
  expect(read.keys).toMatchObject({ foo: { type: 'string', value: 'bar' }, b: { type: 'string', value: 'two' }, none: { type: 'none' } });
  expect(read.allKeys.sort()).toEqual(['b', 'foo']);
  expect(await text('@failover primary-2')).toBe('refused: primary-2 is still running: @failover waits for its replica to take over after @kill primary-2.');
  // A clear goes back to the first topology, whole and empty.
  await redis.clear();
  expect((await redis.read(['foo'])).keys.foo).toMatchObject({ type: 'none' });
  expect(await text('@node replica GET foo')).toBe('ran: (replica) (nil)');
});

it('a lesson Redis without the local cluster refuses its directives', async () => {
  const pg = await enginePlayground('builtin');
  try {
    expect(await pg.redis.execute('@node replica GET k')).toEqual({ kind: 'refused', line: '@node replica GET k', text: '"@node replica GET k" talks to the local cluster, which only a lesson with needs: [cluster] runs on.' });
  } finally {
    await pg.close();
  }
});
