import { createShardedAdapter } from '@socket.io/redis-adapter';
import { describe, expect, it } from 'vitest';
import { chatClient, onlyTheRoomHears, opened, twoChatServers, type ChatServer } from './socketio-chat.js';

/**
 * socket.io's sharded Redis adapter (Redis 7.0's SSUBSCRIBE/SPUBLISH, and PUBSUB SHARDNUMSUB to count the
 * servers): two socket.io servers joined through it, against a real redis-server and against the built-in
 * engine. The adapter subscribes to one shard channel per namespace, one per server (for answers to its
 * requests) and one per room, created when a room gets its first member.
 */

/** The adapter subscribes to a room's shard channel without waiting for the answer: wait until the server has it. */
async function subscribed(server: ChatServer, channel: string, count: number): Promise<void> {
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
  const servers = twoChatServers(engine, kind, createShardedAdapter);

  it('both servers count each other through PUBSUB SHARDNUMSUB', async () => {
    const { a, b } = servers;
    await subscribed(a, 'socket.io#/#', 2);
    expect(await a.io.of('/').adapter.serverCount()).toBe(2);
    expect(await b.io.of('/').adapter.serverCount()).toBe(2);
  });

  it("a client on server A joins room1, a client on server B says hi to room1, and A's client hears it (and only room1 hears it)", async () => {
    await onlyTheRoomHears(servers, async () => {
      await subscribed(servers.a, 'socket.io#/#room1#', 1);
      await subscribed(servers.a, 'socket.io#/#room2#', 1);
    });
  });

  it("server B fetches server A's sockets in a room (a request and its answer over shard channels)", async () => {
    const dave = chatClient(servers.a.url);
    try {
      await opened(dave);
      await dave.emitWithAck('join', 'room3');
      const sockets = await servers.b.io.in('room3').fetchSockets();
      expect(sockets.map((s) => s.id)).toEqual([dave.id]);
    } finally {
      dave.close();
    }
  });

  it('a room whose last member leaves is unsubscribed', async () => {
    const erin = chatClient(servers.a.url);
    await opened(erin);
    await erin.emitWithAck('join', 'room4');
    await subscribed(servers.a, 'socket.io#/#room4#', 1);
    erin.close();
    await subscribed(servers.a, 'socket.io#/#room4#', 0);
  });
});
