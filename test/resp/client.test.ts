import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConnectionClosedError, RespClient } from '../../src/resp/client.js';
import { RespDecoder, encodeCommand, encodeText } from '../../src/resp/decoder.js';
import type { RespReply } from '../../src/resp/types.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

const endpoint = (port: number, extra: object = {}) => ({ host: '127.0.0.1', port, tls: false, source: 'test', ...extra });
const words = (r: RespReply) => (r.type === 'array' ? r.value?.map((x) => String(x.value)) : r);

describe('RespDecoder', () => {
  const wire = '+OK\r\n$5\r\nhel\r\n\r\n*2\r\n*1\r\n:-7\r\n$-1\r\n-ERR x\r\n*-1\r\n*0\r\n$0\r\n\r\n';
  const expected = [
    { type: 'simple', value: 'OK' },
    { type: 'bulk', value: Buffer.from('hel\r\n') },
    { type: 'array', value: [{ type: 'array', value: [{ type: 'integer', value: -7n }] }, { type: 'bulk', value: null }] },
    { type: 'error', value: 'ERR x' },
    { type: 'array', value: null },
    { type: 'array', value: [] },
    { type: 'bulk', value: Buffer.alloc(0) },
  ];
  test('decodes a whole buffer', () => expect(new RespDecoder().push(Buffer.from(wire))).toEqual(expected));
  test('decodes the same bytes fed one at a time', () => {
    const decoder = new RespDecoder();
    const got = [...Buffer.from(wire)].flatMap((byte) => decoder.push(Buffer.from([byte])));
    expect(got).toEqual(expected);
  });
  test('a large bulk string split across chunks', () => {
    const big = Buffer.alloc(1_000_000, 0x61);
    const bytes = Buffer.concat([Buffer.from(`$${big.length}\r\n`), big, Buffer.from('\r\n:1\r\n')]);
    const decoder = new RespDecoder();
    const got = [];
    for (let i = 0; i < bytes.length; i += 65536) got.push(...decoder.push(bytes.subarray(i, i + 65536)));
    expect(got).toEqual([{ type: 'bulk', value: big }, { type: 'integer', value: 1n }]);
  });
  test('encodes commands as arrays of bulk strings', () => {
    expect(encodeCommand(['SET', Buffer.from([0xff]), '안']).toString('latin1')).toBe('*3\r\n$3\r\nSET\r\n$1\r\n\xff\r\n$3\r\n\xec\x95\x88\r\n');
  });
  test('encodes all-string commands as text with byte lengths', () => {
    expect(encodeText(['SET', '안', ''])).toBe('*3\r\n$3\r\nSET\r\n$3\r\n안\r\n$0\r\n\r\n');
    expect(Buffer.from(encodeText(['SET', 'k', '안'])).equals(encodeCommand(['SET', 'k', '안']))).toBe(true);
    expect(encodeCommand(Array.from({ length: 12 }, () => 'x'.repeat(1234))).toString()).toBe(encodeText(Array.from({ length: 12 }, () => 'x'.repeat(1234))));
  });
  test('refuses bytes that are not RESP', () => expect(() => new RespDecoder().push(Buffer.from('HTTP/1.1 400\r\n'))).toThrow(/Not a RESP2 reply/));
});

describe('RespClient against redis-server', () => {
  let redis: TestRedis;
  let secured: TestRedis;
  beforeAll(async () => {
    [redis, secured] = await Promise.all([startRedis(), startRedis(['--requirepass', 'sesame'])]);
  });
  afterAll(async () => {
    await Promise.all([redis?.stop(), secured?.stop()]);
  });

  test('keeps status replies apart from bulk strings, and error replies are replies', async () => {
    const client = await RespClient.connect(endpoint(redis.port));
    expect(await client.call(['SET', 'k', 'OK'])).toEqual({ type: 'simple', value: 'OK' });
    expect(await client.call(['GET', 'k'])).toEqual({ type: 'bulk', value: Buffer.from('OK') });
    expect(await client.call(['INCR', 'k'])).toEqual({ type: 'error', value: 'ERR value is not an integer or out of range' });
    client.close();
  });

  test('pipelines: 5,000 calls sent at once come back in order', async () => {
    const client = await RespClient.connect(endpoint(redis.port));
    const replies = await Promise.all(Array.from({ length: 5000 }, () => client.call(['INCR', 'counter'])));
    expect(replies.map((r) => r.value)).toEqual(Array.from({ length: 5000 }, (_, i) => BigInt(i + 1)));
    client.close();
  });

  test('selects the database and logs in', async () => {
    const client = await RespClient.connect(endpoint(secured.port, { password: 'sesame' }), { db: 3 });
    await client.call(['SET', 'here', '1']);
    expect(await client.call(['CLIENT', 'INFO'])).toMatchObject({ type: 'bulk' });
    const info = (await client.call(['CLIENT', 'INFO'])).value as Buffer;
    expect(info.toString()).toMatch(/ db=3 /);
    client.close();
    await expect(RespClient.connect(endpoint(secured.port, { password: 'nope' }))).rejects.toThrow(/WRONGPASS/);
    await expect(RespClient.connect(endpoint(secured.port, { username: 'default', password: 'sesame' }))).resolves.toBeInstanceOf(RespClient);
  });

  test('delivers Pub/Sub messages as pushes, after the SUBSCRIBE reply', async () => {
    const sub = await RespClient.connect(endpoint(redis.port));
    const pub = await RespClient.connect(endpoint(redis.port));
    const pushes: string[] = [];
    sub.onPush((r) => pushes.push(JSON.stringify(r.value && (r.value as { value: unknown }[]).map((x) => String(x.value)))));
    const first = await sub.call(['SUBSCRIBE', 'a', 'b']);
    expect(first.type === 'array' && first.value?.map((x) => String(x.value))).toEqual(['subscribe', 'a', '1']);
    expect(sub.subscribed).toBe(true);
    await pub.call(['PUBLISH', 'b', 'hi']);
    await new Promise((r) => setTimeout(r, 100));
    expect(pushes).toEqual(['["subscribe","b","2"]', '["message","b","hi"]']);
    const un = await sub.call(['UNSUBSCRIBE']);
    expect(un.type).toBe('array');
    await new Promise((r) => setTimeout(r, 50));
    expect(sub.subscribed).toBe(false);
    expect(await sub.call(['PING'])).toEqual({ type: 'simple', value: 'PONG' });
    await sub.call(['PSUBSCRIBE', 'n*']);
    expect(sub.subscribed).toBe(true);
    expect(await sub.call(['RESET'])).toEqual({ type: 'simple', value: 'RESET' });
    expect(sub.subscribed).toBe(false);
    expect(await sub.call(['PING'])).toEqual({ type: 'simple', value: 'PONG' });
    sub.close();
    pub.close();
  });

  // Redis 7 counts shard channels apart: UNSUBSCRIBE answers channels + patterns, SUNSUBSCRIBE shard channels.
  test.each([
    {
      kept: ['SSUBSCRIBE', 's'], other: ['SUBSCRIBE', 'c'], leave: ['UNSUBSCRIBE', 'c'], left: ['unsubscribe', 'c', '0'],
      publish: ['SPUBLISH', 's', 'hi'], push: ['smessage', 's', 'hi'], end: ['SUNSUBSCRIBE'], ended: ['sunsubscribe', 's', '0'],
    },
    {
      kept: ['SUBSCRIBE', 'c'], other: ['SSUBSCRIBE', 's'], leave: ['SUNSUBSCRIBE', 's'], left: ['sunsubscribe', 's', '0'],
      publish: ['PUBLISH', 'c', 'hi'], push: ['message', 'c', 'hi'], end: ['UNSUBSCRIBE'], ended: ['unsubscribe', 'c', '0'],
    },
  ])('$kept.0 keeps the client subscribed after $leave.0 answers 0', async ({ kept, other, leave, left, publish, push, end, ended }) => {
    const sub = await RespClient.connect(endpoint(redis.port));
    const pub = await RespClient.connect(endpoint(redis.port));
    const pushes: string[][] = [];
    sub.onPush((r) => pushes.push(words(r) as string[]));
    await sub.call(kept);
    await sub.call(other);
    expect(words(await sub.call(leave))).toEqual(left);
    expect(sub.subscribed).toBe(true);
    expect(await pub.call(publish)).toEqual({ type: 'integer', value: 1n });
    // A RESP2 PING in subscribed mode answers [pong, ""]: its own reply, not the message before it.
    expect(words(await sub.call(['PING']))).toEqual(['pong', '']);
    await new Promise((r) => setTimeout(r, 50));
    expect(pushes).toEqual([push]);
    expect(words(await sub.call(end))).toEqual(ended);
    expect(sub.subscribed).toBe(false);
    expect(await sub.call(['PING'])).toEqual({ type: 'simple', value: 'PONG' });
    sub.close();
    pub.close();
  });

  test('RESET ends shard subscriptions and channel subscriptions alike', async () => {
    const sub = await RespClient.connect(endpoint(redis.port));
    await sub.call(['SSUBSCRIBE', 's']);
    await sub.call(['SUBSCRIBE', 'c']);
    expect(await sub.call(['RESET'])).toEqual({ type: 'simple', value: 'RESET' });
    expect(sub.subscribed).toBe(false);
    expect(await sub.call(['PING'])).toEqual({ type: 'simple', value: 'PONG' });
    await sub.call(['SSUBSCRIBE', 's']);
    expect(sub.subscribed).toBe(true);
    sub.close();
  });

  test('a dropped connection rejects pending calls and is reported once', async () => {
    const client = await RespClient.connect(endpoint(redis.port));
    const other = await RespClient.connect(endpoint(redis.port));
    const id = (await client.call(['CLIENT', 'ID'])).value as bigint;
    let reported = 0;
    client.onClose(() => reported++);
    const blocked = expect(client.call(['BLPOP', 'nothing', '5'])).rejects.toBeInstanceOf(ConnectionClosedError);
    await other.call(['CLIENT', 'KILL', 'ID', String(id)]);
    await blocked;
    await expect(client.call(['PING'])).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(reported).toBe(1);
    other.close();
  });

  test('names a refused connection', async () => {
    const port = redis.port;
    const stopped = await startRedis();
    const deadPort = stopped.port;
    await stopped.stop();
    expect(port).not.toBe(deadPort);
    await expect(RespClient.connect(endpoint(deadPort))).rejects.toThrow(/ECONNREFUSED/);
  });
});
