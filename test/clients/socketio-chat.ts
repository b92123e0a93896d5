import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { Server, type ServerOptions } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/**
 * The learner's own stack, shared by the socket.io tests: a socket.io chat server on the Redis adapter
 * (classic or sharded), two of them on one Redis, and their clients.
 */

export type EngineKind = 'real' | 'builtin';

/** ioredis, or node-redis 6 with its defaults (RESP3, what `npm install redis` gives). */
export type ClientKind = 'ioredis' | 'node-redis';

/** `createAdapter` or `createShardedAdapter`, given the adapter's publishing and subscribing connections. */
export type MakeAdapter = (pub: unknown, sub: unknown) => ServerOptions['adapter'];

export interface ChatServer {
  url: string;
  io: Server;
  /** Subscribers of a shard channel, as PUBSUB SHARDNUMSUB counts them. */
  shardNumSub(channel: string): Promise<number>;
  close(): Promise<void>;
}

/** The adapter's publishing and subscribing connections. */
async function adapterClients(kind: ClientKind, port: number): Promise<{ pub: unknown; sub: unknown; shardNumSub(channel: string): Promise<number>; close(): Promise<void> }> {
  if (kind === 'ioredis') {
    const pub = new Redis({ host: '127.0.0.1', port });
    const sub = pub.duplicate();
    return {
      pub,
      sub,
      shardNumSub: async (channel) => Number(((await pub.call('PUBSUB', 'SHARDNUMSUB', channel)) as [string, number])[1]),
      // QUIT, not disconnect: closing an adapter sends (S|P)UNSUBSCRIBEs it does not wait for, and they must get their answers.
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

/** One socket.io server on the adapter: its sockets `join` a room (with an ack) and `say` a text to a room. */
async function chatServer(kind: ClientKind, port: number, makeAdapter: MakeAdapter): Promise<ChatServer> {
  const clients = await adapterClients(kind, port);
  const http: HttpServer = createServer();
  const io = new Server(http, { adapter: makeAdapter(clients.pub, clients.sub) });
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

/**
 * Registers the describe block's hooks: before its tests, a real redis-server or the built-in engine and two
 * chat servers A and B on it; after them, all closed. The servers are on the returned object once the tests run.
 */
export function twoChatServers(engine: EngineKind, kind: ClientKind, makeAdapter: MakeAdapter): { a: ChatServer; b: ChatServer } {
  const servers = {} as { a: ChatServer; b: ChatServer };
  let server: TestRedis | undefined;
  let builtin: RunningEngine | undefined;
  beforeAll(async () => {
    let port: number;
    if (engine === 'real') {
      server = await startRedis();
      port = server.port;
    } else {
      builtin = await startBuiltinEngine();
      port = builtin.port;
    }
    [servers.a, servers.b] = await Promise.all([chatServer(kind, port, makeAdapter), chatServer(kind, port, makeAdapter)]);
  });
  afterAll(async () => {
    await servers.a?.close();
    await servers.b?.close();
    await server?.stop();
    await builtin?.close();
  });
  return servers;
}

/** A socket.io client on `url`, on websockets only, with a connection of its own. */
export const chatClient = (url: string): Socket => connect(url, { transports: ['websocket'], forceNew: true });

export const opened = (socket: Socket) => new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));

/**
 * Alice on A joins room1, Carol on A joins room2, Bob on B says hi to room1: Alice hears it, Carol hears
 * nothing. `joined` runs after both joins, for an adapter that subscribes to a room's channel without waiting.
 */
export async function onlyTheRoomHears({ a, b }: { a: ChatServer; b: ChatServer }, joined: () => Promise<void> = async () => {}): Promise<void> {
  const alice = chatClient(a.url);
  const bob = chatClient(b.url);
  const carol = chatClient(a.url);
  try {
    await Promise.all([opened(alice), opened(bob), opened(carol)]);
    await alice.emitWithAck('join', 'room1');
    await carol.emitWithAck('join', 'room2');
    await joined();
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
}
