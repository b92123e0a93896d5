import { createAdapter } from '@socket.io/redis-adapter';
import { describe, it } from 'vitest';
import { onlyTheRoomHears, twoChatServers } from './socketio-chat.js';

/**
 * The learner's own stack: a socket.io multi-room chat on two Node servers, joined through the socket.io
 * Redis adapter. A client on server A joins room1; a client on server B sends to room1; the message reaches
 * A's client through Redis pub/sub. Against a real redis-server and against the built-in engine, with the
 * adapter on ioredis and on node-redis 6 with its defaults (RESP3, what `npm install redis` gives).
 */

describe.each([
  ['real', 'ioredis'],
  ['builtin', 'ioredis'],
  ['real', 'node-redis'],
  ['builtin', 'node-redis'],
] as const)('socket.io with the Redis adapter, on the %s engine, through %s', (engine, kind) => {
  const servers = twoChatServers(engine, kind, createAdapter);

  it("a client on server A joins room1, a client on server B says hi to room1, and A's client hears it (and only room1 hears it)", async () => {
    await onlyTheRoomHears(servers);
  });
});
