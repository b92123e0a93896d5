import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/**
 * The learner's own stack: a socket.io multi-room chat on two Node servers, joined through the socket.io
 * Redis adapter. A client on server A joins room1; a client on server B sends to room1; the message reaches
 * A's client through Redis pub/sub. Against a real redis-server and against the built-in engine, with the
 * adapter on ioredis and on node-redis 6 with its defaults (RESP3, what `npm install redis` gives).
 */

interface ChatServer {
  url: string;
  close(): Promise<void>;
}

type ClientKind = 'ioredis' | 'node-redis';

/** The adapter's two connections (publishing, subscribing), from ioredis or from node-redis 6 with its defaults (RESP3). */
async function adapterClients(kind: ClientKind, port: number): Promise<{ pub: unknown; sub: unknown; close(): Promise<void> }> {
  if (kind === 'ioredis') {
    const pub = new Redis({ host: '127.0.0.1', port });
    const sub = pub.duplicate();
    return { pub, sub, close: async () => (pub.disconnect(), sub.disconnect()) };
  }
  const pub = createClient({ url: `redis://127.0.0.1:${port}` });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  return { pub, sub, close: async () => void (await Promise.all([pub.quit(), sub.quit()])) };
}

/** One socket.io server with the Redis adapter (a publishing and a subscribing connection, as the adapter wants). */
async function chatServer(kind: ClientKind, port: number): Promise<ChatServer> {
  const clients = await adapterClients(kind, port);
  const http: HttpServer = createServer();
  const io = new Server(http, { adapter: createAdapter(clients.pub, clients.sub) });
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
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await clients.close();
    },
  };
}

const opened = (socket: Socket) => new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));

describe.each([
  ['real', 'ioredis'],
  ['builtin', 'ioredis'],
  ['real', 'node-redis'],
  ['builtin', 'node-redis'],
] as const)('socket.io with the Redis adapter, on the %s engine, through %s', (engine, kind) => {
  let server: TestRedis | undefined;
  let builtin: RunningEngine | undefined;
  let a: ChatServer;
  let b: ChatServer;
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

  it('a client on server A joins room1, a client on server B says hi to room1, and A\'s client hears it (and only room1 hears it)', async () => {
    const alice = connect(a.url, { transports: ['websocket'], forceNew: true });
    const bob = connect(b.url, { transports: ['websocket'], forceNew: true });
    const carol = connect(a.url, { transports: ['websocket'], forceNew: true });
    try {
      await Promise.all([opened(alice), opened(bob), opened(carol)]);
      await alice.emitWithAck('join', 'room1');
      await carol.emitWithAck('join', 'room2');
      const heard: string[] = [];
      const carolHeard: string[] = [];
      carol.on('message', (text: string) => carolHeard.push(text));
      const arrived = new Promise<string>((resolve) => alice.once('message', resolve));
      bob.emit('say', 'room1', '안녕, room1');
      heard.push(await arrived);
      expect(heard).toEqual(['안녕, room1']);
      // A moment for anything misrouted to arrive: nothing does.
      await new Promise((r) => setTimeout(r, 200));
      expect(carolHeard).toEqual([]);
    } finally {
      alice.close();
      bob.close();
      carol.close();
    }
  });
});
