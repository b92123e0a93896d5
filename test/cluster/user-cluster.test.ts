import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '../../src/cluster/start.js';
import { keySlot } from '../../src/cluster/keyslot.js';
import { nodeCalls } from './node-calls.js';
import { runBin } from '../helpers/bin.js';
import { openTerminal, type Terminal } from '../helpers/tty.js';

/**
 * The tutor against a learner's own Redis Cluster (here a local cluster the test starts and treats as
 * someone else's): the REPL follows redirects exactly as redis-cli -c prints them, doctor says it is a
 * cluster, and lessons refuse it without changing a byte.
 */

let cluster: LocalCluster;
let url: string;
const { clients, on } = nodeCalls();
let term: Terminal | undefined;
const ownerOf = (key: string) => cluster.nodes.find((n) => n.role === 'primary' && n.slots.some(([a, b]) => a <= keySlot(key) && keySlot(key) <= b))!;

/** Foreign data of several types, spread over the primaries. */
const KEYS: string[][] = [
  ['SET', 'user:1', 'ada'],
  ['SET', 'foo', 'bar'],
  ['RPUSH', 'queue', 'a', 'b'],
  ['HSET', '{room:1}:meta', 'name', 'lobby'],
  ['SADD', '{room:1}:members', 'ada', 'bo'],
  ['ZADD', 'scores', '1', 'x'],
  ['SET', 'b', 'two', 'EX', '1000'],
];

/** Every key's DUMP and TTL on the node that serves it, plus each primary's DBSIZE. */
async function everything(): Promise<unknown> {
  const keys: Record<string, unknown> = {};
  for (const [, key] of KEYS) {
    const node = ownerOf(key!);
    const dump = await on(node, 'DUMP', key!);
    keys[key!] = [dump.type === 'bulk' ? dump.value?.toString('hex') : dump, (await on(node, 'PTTL', key!)).value !== -2n];
  }
  const sizes = [];
  for (const node of cluster.nodes.filter((n) => n.role === 'primary')) sizes.push((await on(node, 'DBSIZE')).value);
  return { keys, sizes };
}

beforeAll(async () => {
  cluster = await startLocalCluster('cluster');
  url = `redis://127.0.0.1:${cluster.nodes[0]!.port}`;
  for (const [name, key, ...rest] of KEYS) expect((await on(ownerOf(key!), name!, key!, ...rest)).type).not.toBe('error');
});
afterAll(async () => {
  term?.kill();
  for (const client of clients.values()) client.close();
  await cluster?.stop();
});

it('lessons refuse a cluster holding keys the tutor did not create, every key byte-identical after, and suggest the local cluster', async () => {
  const before = await everything();
  for (const args of [['lesson', 'strings', '--autoplay'], ['lessons', 'check']]) {
    const run = await runBin([...args, '--url', url], { timeoutMs: 30_000 });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/is a node of a Redis Cluster \(3 primaries, holding 7 keys the tutor did not create\), and a cluster has no playground database \(only db 0\)/);
    expect(run.stderr).toMatch(/nothing was written/);
    expect(run.stderr).toMatch(/start a local one of their own/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }
  expect(await everything()).toEqual(before);
  expect((await on(ownerOf('redis-tutor:playground'), 'EXISTS', 'redis-tutor:playground')).value).toBe(0n);
});

it('the REPL follows MOVED as redis-cli -c does, and shows CROSSSLOT and SELECT as it does', async () => {
  const input = 'GET foo\nGET user:1\nMSET a 1 b 2\nGET b\nSELECT 1\nDEL nothing\n';
  const ours = await runBin(['repl', '--url', url], { input });
  const theirs = spawnSync('redis-cli', ['-c', '--no-raw', '-p', String(cluster.nodes[0]!.port)], { encoding: 'utf8', input }).stdout;
  expect(ours.stdout).toContain('-> Redirected to slot [12182]');
  expect(ours.stdout).toBe(theirs);
  expect(ours.stderr).toMatch(/a Redis Cluster node \(3 primaries\), db 0/);
  expect(await runBin(['repl', '--url', `${url}/2`], { input })).toMatchObject({ code: 2, stderr: expect.stringMatching(/has only db 0, not db 2/) });
});

it('the REPL follows ASK (a slot being migrated) as redis-cli -c does', async () => {
  const key = 'ask:me';
  const slot = String(keySlot(key));
  const source = ownerOf(key);
  const target = cluster.nodes.find((n) => n.role === 'primary' && n !== source)!;
  expect(await on(target, 'CLUSTER', 'SETSLOT', slot, 'IMPORTING', source.id!)).toEqual({ type: 'simple', value: 'OK' });
  expect(await on(source, 'CLUSTER', 'SETSLOT', slot, 'MIGRATING', target.id!)).toEqual({ type: 'simple', value: 'OK' });
  try {
    const input = `GET ${key}\nGET foo\n`;
    const at = `redis://127.0.0.1:${source.port}`;
    const ours = await runBin(['repl', '--url', at], { input });
    const theirs = spawnSync('redis-cli', ['-c', '--no-raw', '-p', String(source.port)], { encoding: 'utf8', input }).stdout;
    expect(ours.stdout).toContain(`-> Redirected to slot [${slot}] located at 127.0.0.1:${target.port}\n(nil)`);
    expect(ours.stdout).toBe(theirs);
  } finally {
    await on(source, 'CLUSTER', 'SETSLOT', slot, 'STABLE');
    await on(target, 'CLUSTER', 'SETSLOT', slot, 'STABLE');
  }
});

it('a repeat count (3 GET k) follows MOVED as redis-cli -c does: its line once, then the whole count on the node named', async () => {
  // Each key on another node than the one before it, so that every line moves the connection; INCR shows the count ran there once.
  const input = '3 GET foo\n3 INCR rep:n\n2 INCR rep:a\n3 SET rep:b x\n3 GET foo\nGET rep:b\n';
  const written = ['rep:n', 'rep:a', 'rep:b'];
  const wipe = async () => {
    for (const key of written) await on(ownerOf(key), 'DEL', key);
  };
  const ours = await runBin(['repl', '--url', url], { input });
  await wipe();
  const theirs = spawnSync('redis-cli', ['-c', '--no-raw', '-p', String(cluster.nodes[0]!.port)], { encoding: 'utf8', input }).stdout;
  await wipe();
  expect(ours.stdout).toContain('-> Redirected to slot [12182] located at 127.0.0.1:');
  expect(ours.stdout).toMatch(/\n\(integer\) 1\n\(integer\) 2\n\(integer\) 3\n/);
  expect(ours.stdout).toBe(theirs);
});

it('the interactive REPL prompt shows the node the connection moved to', async () => {
  const t = (term = openTerminal(['repl', '--url', url], { width: 120 }));
  const home = cluster.nodes[0]!.port;
  await t.onScreen(new RegExp(`127\\.0\\.0\\.1:${home}>\\s*$`), 10_000);
  t.type('GET foo');
  t.press('Enter');
  const owner = ownerOf('foo').port;
  await t.waitFor(new RegExp(`-> Redirected to slot \\[12182\\] located at 127\\.0\\.0\\.1:${owner}\\n"bar"\\n127\\.0\\.0\\.1:${owner}>`), 10_000);
});

it('doctor says the server is a cluster node, with its primaries and keys', async () => {
  const run = await runBin(['doctor', '--url', url, '--json']);
  expect(run.stdout).toMatch(/a Redis Cluster node \(3 primaries, 7 keys\): the REPL works there/);
});
