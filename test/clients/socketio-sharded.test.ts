import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/**
 * socket.io's sharded Redis adapter (Redis 7.0's SSUBSCRIBE/SPUBLISH, and PUBSUB SHARDNUMSUB to count the
 * servers): two socket.io servers joined through it, against a real redis-server and against the built-in
 * engine. The adapter subscribes to one shard channel per namespace, one per server (for answers to its
 * requests) and one per room, created when a room gets its first member.
 */

interface ChatServer {
  url: string;
  io: Server;
  close(): Promise<void>;
}

type ClientKind = 'node-redis' | 'ioredis';

/** The adapter's publishing and subscribing connections: node-redis 6 with its defaults, or ioredis. */
async function adapterClients(kind: ClientKind, port: number): Promise<{ pub: unknown; sub: unknown; shardNumSub(channel: string): Promise<number>; close(): Promise<void> }> {
  if (kind === 'ioredis') {
    const pub = new Redis({ host: '127.0.0.1', port });
    const sub = pub.duplicate();
    return {
      pub,
      sub,
      shardNumSub: async (channel) => Number(((await pub.call('PUBSUB', 'SHARDNUMSUB', channel)) as [string, number])[1]),
      // QUIT, not disconnect: closing the adapter sends SUNSUBSCRIBEs it does not wait for, and they must get their answers.
      close: async () => void (await Promise.all([pub.quit(), sub.quit()])),
    };
  }
  const pub = createClient({ url: `redis://127.0.0.1:${port}` });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    pub,
    sub,
    shardNumSub: async (channel) => Number(((await pub.sendCommand(['PUBSUB', 'SHARDNUMSUB', channel])) as [string, number])[1]),
    close: async () => void (await Promise.all([pub.quit(), sub.quit()])),
  };
}

async function chatServer(kind: ClientKind, port: number): Promise<ChatServer & { shardNumSub(channel: string): Promise<number> }> {
  const clients = await adapterClients(kind, port);
  const http: HttpServer = createServer();
  const io = new Server(http, { adapter: createShardedAdapter(clients.pub, clients.sub) });
  io.on('connection', (socket) => {
    socket.on('join', (room: string, ack: () => void) => {
      void socket.join(room);
      ack();
    });
    socket.on('say', (room: string, text: string) => {
      io.to(room).emit('message', text);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    io,
    shardNumSub: clients.shardNumSub,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await clients.close();
    },
  };
}

const opened = (socket: Socket) => new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));

/** The adapter subscribes to a room's shard channel without waiting for the answer: wait until the server has it. */
async function subscribed(server: { shardNumSub(channel: string): Promise<number> }, channel: string, count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await server.shardNumSub(channel)) !== count) {
    if (Date.now() > deadline) throw new Error(`${channel} never reached ${count} shard subscribers`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each([
  ['real', 'node-redis'],
  ['builtin', 'node-redis'],
  ['real', 'ioredis'],
  ['builtin', 'ioredis'],
] as const)('socket.io with the sharded Redis adapter, on the %s engine, through %s', (engine, kind) => {
  let server: TestRedis | undefined;
  let builtin: RunningEngine | undefined;
  let a: Awaited<ReturnType<typeof chatServer>>;
  let b: Awaited<ReturnType<typeof chatServer>>;
  beforeAll(async () => {
    let port: number;
    if (engine === 'real') {
      server = await startRedis();
      port = server.port;
    } else {
      builtin = await startBuiltinEngine();
      port = builtin.port;
    }
    [a, b] = await Promise.all([chatServer(kind, port), chatServer(kind, port)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
    await builtin?.close();
  });

  it('both servers count each other through PUBSUB SHARDNUMSUB', async () => {
    await subscribed(a, 'socket.io#/#', 2);
    expect(await a.io.of('/').adapter.serverCount()).toBe(2);
    expect(await b.io.of('/').adapter.serverCount()).toBe(2);
  });

  it("a client on server A joins room1, a client on server B says hi to room1, and A's client hears it (and only room1 hears it)", async () => {
    const alice = connect(a.url, { transports: ['websocket'], forceNew: true });
    const bob = connect(b.url, { transports: ['websocket'], forceNew: true });
    const carol = connect(a.url, { transports: ['websocket'], forceNew: true });
    try {
      await Promise.all([opened(alice), opened(bob), opened(carol)]);
      await alice.emitWithAck('join', 'room1');
      await carol.emitWithAck('join', 'room2');
      await subscribed(a, 'socket.io#/#room1#', 1);
      await subscribed(a, 'socket.io#/#room2#', 1);
      const carolHeard: string[] = [];
      carol.on('message', (text: string) => carolHeard.push(text));
      const arrived = new Promise<string>((resolve) => alice.once('message', resolve));
      bob.emit('say', 'room1', '안녕, room1');
      expect(await arrived).toBe('안녕, room1');
      // A moment for anything misrouted to arrive: nothing does.
      await new Promise((r) => setTimeout(r, 200));
      expect(carolHeard).toEqual([]);
    } finally {
      alice.close();
      bob.close();
      carol.close();
    }
  });

  it("server B fetches server A's sockets in a room (a request and its answer over shard channels)", async () => {
    const dave = connect(a.url, { transports: ['websocket'], forceNew: true });
    try {
      await opened(dave);
      await dave.emitWithAck('join', 'room3');
      const sockets = await b.io.in('room3').fetchSockets();
      expect(sockets.map((s) => s.id)).toEqual([dave.id]);
    } finally {
      dave.close();
    }
  });

  it('a room whose last member leaves is unsubscribed', async () => {
    const erin = connect(a.url, { transports: ['websocket'], forceNew: true });
    await opened(erin);
    await erin.emitWithAck('join', 'room4');
    await subscribed(a, 'socket.io#/#room4#', 1);
    erin.close();
    await subscribed(a, 'socket.io#/#room4#', 0);
  });
});
