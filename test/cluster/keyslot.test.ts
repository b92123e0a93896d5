import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySlot } from '../../src/cluster/keyslot.js';
import { redirectedLine, redirectOf } from '../../src/cluster/redirect.js';
import { livePrimaries } from '../../src/connection/cluster-mode.js';
import { startLocalCluster, type LocalCluster } from '../../src/cluster/start.js';
import { RespClient } from '../../src/resp/client.js';

describe('keySlot', () => {
  it.each([
    ['foo', 12182],
    ['', 0],
    ['{room:1}:members', keySlot('room:1')],
    ['{room:1}:log', keySlot('room:1')],
    ['{}foo', keySlot('{}foo')],
  ])('%s', (key, slot) => expect(keySlot(key)).toBe(slot));

  it('reads only the first hash tag, and a tag must not be empty', () => {
    expect(keySlot('{a}{b}')).toBe(keySlot('a'));
    expect(keySlot('x{}{a}')).not.toBe(keySlot('a'));
    expect(keySlot('{a')).not.toBe(keySlot('a'));
  });
});

describe('keySlot against CLUSTER KEYSLOT', () => {
  let cluster: LocalCluster | undefined;
  let client: RespClient;
  beforeAll(async () => {
    cluster = await startLocalCluster('cluster');
    client = await RespClient.connect({ host: '127.0.0.1', port: cluster.nodes[0]!.port, tls: false, source: 'test' });
  });
  afterAll(async () => {
    client?.close();
    await cluster?.stop();
  });

  it('agrees on many keys, hash tags, bytes beyond ASCII and edge braces included', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 400; i++) keys.push(`user:${i}`, `{room:${i}}:log`, `a{${i}}b{c}`, `x{}${i}`, `{${i}`, `}${i}{`, `키${i}`);
    for (const key of keys) {
      const reply = await client.call(['CLUSTER', 'KEYSLOT', key]);
      expect([key, keySlot(key)]).toEqual([key, Number(reply.value)]);
    }
  });
});

describe('redirects', () => {
  it('reads MOVED and ASK, and prints them as redis-cli -c does', () => {
    const moved = redirectOf({ type: 'error', value: 'MOVED 12182 127.0.0.1:7002' })!;
    expect(moved).toEqual({ kind: 'MOVED', slot: 12182, host: '127.0.0.1', port: 7002 });
    expect(redirectedLine(moved)).toBe('-> Redirected to slot [12182] located at 127.0.0.1:7002');
    expect(redirectOf({ type: 'error', value: 'ASK 5 127.0.0.1:7003' })?.kind).toBe('ASK');
    expect(redirectOf({ type: 'error', value: 'ERR MOVED 1 x:1' })).toBeUndefined();
    expect(redirectOf({ type: 'simple', value: 'OK' })).toBeUndefined();
  });
});

describe('livePrimaries', () => {
  it('reads the primaries that are up from CLUSTER NODES, hostnames and unknown addresses included', () => {
    const nodes = [
      'a1 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460',
      'b2 127.0.0.1:7001@17001,node-b master - 0 1 2 connected 5461-10922',
      'c3 127.0.0.1:7002@17002 master,fail - 0 1 3 disconnected',
      'd4 127.0.0.1:7003@17003 slave a1 0 1 1 connected',
      'e5 :7004@17004 master - 0 1 4 connected 10923-16383',
      '',
    ].join('\n');
    expect(livePrimaries(nodes)).toEqual([
      { host: '127.0.0.1', port: 7000 },
      { host: '127.0.0.1', port: 7001 },
      { host: '', port: 7004 },
    ]);
  });
});
