import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespRedis } from '../../src/connection/resp-redis.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

// The tutor's client keeps ioredis' face (its callers were written for ioredis): every call here is made on
// both, each in a database of its own filled the same way, and must answer alike. ioredis is the oracle.
let server: TestRedis;
let oracle: Redis;
let ours: RespRedis;

type Client = Record<string, (...args: unknown[]) => Promise<unknown>>;
const on = (c: unknown) => c as Client;

beforeAll(async () => {
  server = await startRedis();
  oracle = new Redis({ port: server.port, lazyConnect: true });
  await oracle.connect();
  ours = new RespRedis({ host: '127.0.0.1', port: server.port, tls: false, source: 'a test' }, 3000);
  await ours.connect();
  await oracle.select(1);
  await on(ours).select!(2);
});
afterAll(async () => {
  oracle.disconnect();
  ours.disconnect();
  await server.stop();
});

/** Errors inside an answer (a transaction's, a pipeline's) as their class and text. */
const plain = (value: unknown): unknown =>
  value instanceof Error ? { error: value.name, message: value.message } : Array.isArray(value) ? value.map(plain) : value;

/** The call's outcome on a client: its answer, or the error it rejected with (name, message, queued errors). */
async function outcome(client: unknown, call: (c: Client) => Promise<unknown>): Promise<unknown> {
  try {
    return { answer: plain(await call(on(client))) };
  } catch (err) {
    const e = err as Error & { previousErrors?: Error[] };
    return { error: e.name, message: e.message, previous: e.previousErrors?.map((p) => p.message) };
  }
}

describe('RespRedis answers as ioredis does', () => {
  it.each<[string, (c: Client) => Promise<unknown>]>([
    ['flushdb', (c) => c.flushdb!()],
    ['set, then get', async (c) => [await c.set!('k', 'v'), await c.get!('k')]],
    ['set NX on a key that exists: null', async (c) => [await c.set!('n', '1'), await c.set!('n', '2', 'NX')]],
    ['get of no key: null', (c) => c.get!('missing')],
    ['dbsize and exists: numbers', async (c) => [await c.flushdb!(), await c.set!('a', 1), await c.dbsize!(), await c.exists!('a', 'b', 'a')]],
    ['type and ttl', async (c) => [await c.set!('t', 'x', 'EX', 100), await c.type!('t'), await c.ttl!('t'), await c.type!('none-such')]],
    ['lists, sets, sorted sets', async (c) => [await c.rpush!('l', 'a', 'b'), await c.lrange!('l', 0, -1), await c.sadd!('s', 'x'), await c.smembers!('s'), await c.zadd!('z', 2, 'm'), await c.zrange!('z', 0, -1, 'WITHSCORES')]],
    ['hgetall: an object; of no key: {}', async (c) => [await c.hset!('h', { f: '1', g: '2' }), await c.hgetall!('h'), await c.hgetall!('no-hash')]],
    ['streams: nested arrays', async (c) => [await c.xadd!('st', '1-1', 'f', 'v'), await c.xlen!('st'), await c.xrange!('st', '-', '+'), await c.xrevrange!('st', '+', '-', 'COUNT', 1)]],
    ['call with arrays spread', (c) => c.call!('MGET', ['k', 'missing'])],
    ['config get: a flat list', (c) => c.config!('GET', 'databases')],
    ['info: text', async (c) => /redis_version:/.test(String(await c.info!('server')))],
    ['scanBuffer: bytes', async (c) => {
      await c.flushdb!();
      await c.set!(Buffer.from([0xff, 0x01]), 'x');
      return c.scanBuffer!('0', 'COUNT', 100);
    }],
    ['an error reply rejects with ReplyError and the server\'s text', (c) => c.incr!('k')],
    ['a database past the last', (c) => c.select!(99)],
    ['multi: [error, result] pairs', (c) => (c.multi!() as unknown as { set(...a: unknown[]): { incr(k: string): { get(k: string): { exec(): Promise<unknown> } } } }).set('m', 'x').incr('m').get('m').exec()],
    ['multi with a command Redis refuses to queue: EXECABORT with the reasons', (c) => (c.multi!() as unknown as { set(...a: unknown[]): { call(...a: unknown[]): { exec(): Promise<unknown> } } }).set('m', 'y').call('NOSUCHCOMMAND').exec()],
    ['pipeline: every reply, errors in place', (c) => (c.pipeline!() as unknown as { set(...a: unknown[]): { callBuffer(...a: unknown[]): { incr(k: string): { exec(): Promise<unknown> } } } }).set('p', 'x').callBuffer('COMMAND', 'GETKEYS', 'SET', 'a', 'b').incr('p').exec()],
  ])('%s', async (_what, call) => {
    const expected = await outcome(oracle, call);
    expect(await outcome(ours, call)).toEqual(expected);
  });

  it('says "Connection is closed." once the server is gone, and ends with the "end" event', async () => {
    const spare = new RespRedis({ host: '127.0.0.1', port: server.port, tls: false, source: 'a test' }, 3000);
    await spare.connect();
    const id = await on(spare).client!('ID');
    const ended = new Promise<void>((resolve) => spare.once('end', () => resolve()));
    await oracle.client('KILL', 'ID', String(id));
    await ended;
    expect(spare.status).toBe('end');
    expect(await outcome(spare, (c) => c.ping!())).toEqual({ error: 'Error', message: 'Connection is closed.', previous: undefined });
  });

  it('connects again in the database it had selected', async () => {
    const spare = new RespRedis({ host: '127.0.0.1', port: server.port, tls: false, source: 'a test' }, 3000);
    await spare.connect();
    await on(spare).select!(3);
    await on(spare).set!('here', 'db3');
    spare.disconnect();
    await spare.connect();
    expect(await on(spare).get!('here')).toBe('db3');
    spare.disconnect();
  });
});
