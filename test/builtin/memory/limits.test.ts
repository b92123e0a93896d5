import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelined, startPair, type Pair } from './servers.js';

// Client output-buffer limits and the close after a protocol error, on a real redis-server and on the
// engine side by side: the same traffic, the same outcome.
let pair: Pair;
beforeAll(async () => {
  pair = await startPair(0);
});
afterAll(() => pair?.stop());

const DEFAULT_LIMITS = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60';
const message = 'm'.repeat(1024);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A connection that sends `request`, reads its first reply, then stops reading; `closed` tells when the server dropped it. */
async function stalled(port: number, request: string): Promise<{ closed: () => Promise<boolean>; socket: net.Socket }> {
  const socket = net.connect(port, '127.0.0.1');
  let isClosed = false;
  socket.on('close', () => (isClosed = true));
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(request);
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.pause();
  return {
    socket,
    // Reading again lets the close (after the unread bytes) be seen.
    closed: async () => {
      socket.resume();
      socket.on('data', () => {});
      for (let i = 0; i < 40 && !isClosed; i++) await sleep(50);
      socket.destroy();
      return isClosed;
    },
  };
}

const resp = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

describe('client-output-buffer-limit', () => {
  it('CONFIG SET/GET: classes by name (replica for slave), sizes with units, all or nothing', async () => {
    const steps: string[][] = [
      ['CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1mb 512kb 10'],
      ['CONFIG', 'GET', 'client-output-buffer-limit'],
      ['CONFIG', 'SET', 'client-output-buffer-limit', 'replica 1 2 3 normal 4gb 5k 6'],
      ['CONFIG', 'GET', 'client-output-buffer-limit'],
      ['CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1 2 3 master 4 5 6'],
      ['CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1 2'],
      ['CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub x 2 3'],
      ['CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1 2 -3'],
      ['CONFIG', 'SET', 'client-output-buffer-limit', ''],
      ['CONFIG', 'GET', 'client-output-buffer-limit'],
      ['CONFIG', 'SET', 'client-output-buffer-limit', DEFAULT_LIMITS],
      ['CONFIG', 'GET', 'maxmemory-samples'],
      ['CONFIG', 'SET', 'maxmemory-samples', '0'],
      ['CONFIG', 'SET', 'maxmemory-samples', '64'],
      ['CONFIG', 'GET', 'maxmemory-samples'],
      ['CONFIG', 'SET', 'maxmemory-samples', '5'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-foo'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'ALLKEYS-LRU'],
      ['CONFIG', 'GET', 'maxmemory-policy'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'],
    ];
    const answers = async (client: typeof pair.redis) => {
      const out: unknown[] = [];
      for (const s of steps) out.push(await client.call(s[0]!, ...s.slice(1)).catch((e: Error) => `error: ${e.message}`));
      return out;
    };
    expect(await answers(pair.engine)).toEqual(await answers(pair.redis));
  });

  it('a subscriber that does not read is disconnected past the pub/sub hard limit', async () => {
    for (const [client, port] of [[pair.redis, pair.redisPort], [pair.engine, pair.enginePort]] as const) {
      await client.config('SET', 'client-output-buffer-limit', 'pubsub 1mb 0 0');
      const sub = await stalled(port, resp('SUBSCRIBE', 'flood'));
      await pipelined(client, Array.from({ length: 20_000 }, () => ['PUBLISH', 'flood', message]), 500);
      expect([port, await client.publish('flood', 'last')]).toEqual([port, 0]);
      expect(await sub.closed()).toBe(true);
      await client.config('SET', 'client-output-buffer-limit', DEFAULT_LIMITS);
    }
  }, 60_000);

  it('past the soft limit for longer than its seconds, the subscriber goes; under it, it stays', async () => {
    for (const [client, port] of [[pair.redis, pair.redisPort], [pair.engine, pair.enginePort]] as const) {
      await client.config('SET', 'client-output-buffer-limit', 'pubsub 0 1mb 1');
      const sub = await stalled(port, resp('SUBSCRIBE', 'soft'));
      await pipelined(client, Array.from({ length: 15_000 }, () => ['PUBLISH', 'soft', message]), 500);
      expect([port, await client.publish('soft', 'still there')]).toEqual([port, 1]);
      await sleep(2100);
      await pipelined(client, Array.from({ length: 100 }, () => ['PUBLISH', 'soft', message]), 100);
      expect([port, await client.publish('soft', 'gone')]).toEqual([port, 0]);
      expect(await sub.closed()).toBe(true);
      await client.config('SET', 'client-output-buffer-limit', DEFAULT_LIMITS);
    }
  }, 60_000);

  it('a normal client over its hard limit is disconnected; with the default (no limit) it is not', async () => {
    for (const [client, port] of [[pair.redis, pair.redisPort], [pair.engine, pair.enginePort]] as const) {
      await client.set('big', 'b'.repeat(100_000));
      await client.config('SET', 'client-output-buffer-limit', 'normal 1mb 0 0');
      const reader = await stalled(port, resp('PING'));
      reader.socket.write(resp('GET', 'big').repeat(300));
      await sleep(500);
      expect([port, await reader.closed()]).toEqual([port, true]);
      await client.config('SET', 'client-output-buffer-limit', DEFAULT_LIMITS);
      const unlimited = await stalled(port, resp('PING'));
      unlimited.socket.write(resp('GET', 'big').repeat(300));
      await sleep(500);
      expect([port, await unlimited.closed()]).toEqual([port, false]);
    }
  }, 60_000);
});

describe('a protocol error closes the connection as Redis does', () => {
  /** Sends a bad request, then keeps sending: what came back, and how much was written before the close. */
  async function flood(port: number): Promise<{ reply: string; closed: boolean; written: number }> {
    const socket = net.connect(port, '127.0.0.1');
    let reply = Buffer.alloc(0);
    let closed = false;
    socket.on('data', (d: Buffer) => (reply = Buffer.concat([reply, d])));
    socket.on('close', () => (closed = true));
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('*1\r\n$x\r\n');
    await sleep(100);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    for (let i = 0; i < 256 && !closed && !socket.destroyed; i++) {
      socket.write(chunk, (err) => {
        if (!err) written += chunk.length;
      });
      await sleep(2);
    }
    await sleep(200);
    socket.destroy();
    return { reply: reply.toString('latin1'), closed, written };
  }

  it('the error, then the close: what is sent after it is refused, not read (the engine accepted 12 MB)', async () => {
    const [real, ours] = [await flood(pair.redisPort), await flood(pair.enginePort)];
    expect(ours.reply).toBe(real.reply);
    expect(real.reply).toBe('-ERR Protocol error: invalid bulk length\r\n');
    expect(ours.closed).toBe(true);
    expect(real.closed).toBe(true);
    // What the kernel's socket buffers take before the reset: a few MB at most, never all 16 MB sent.
    expect(ours.written).toBeLessThan(8 * 1024 * 1024);
    expect(real.written).toBeLessThan(8 * 1024 * 1024);
  });
});
