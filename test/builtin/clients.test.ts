import { describe, expect, it } from 'vitest';
import { ioredisSession, ioredisVersions } from './clients/ioredis.js';
import { nodeRedisSession, nodeRedisVersions } from './clients/node-redis.js';
import { useRedisAndEngine } from './harness/servers.js';

// The Node.js clients a learner may install, with default options, against a real redis-server and the
// built-in engine: node-redis 6 opens with HELLO 3 and has no RESP2 fallback, ioredis 6 too; node-redis
// 4 and 5 and ioredis 5 stay on RESP2. Each runs the same session on both and must get the same results.
const servers = useRedisAndEngine();

async function flush(port: number): Promise<void> {
  const { RawConnection } = await import('./harness/connection.js');
  const conn = await RawConnection.open(port);
  conn.send([Buffer.from('FLUSHALL')]);
  await conn.read();
  conn.close();
}

describe('Node.js Redis clients work with the built-in engine as with Redis', () => {
  for (const [name, create] of Object.entries(nodeRedisVersions)) {
    it(`${name}: strings, hash, set, sorted set with scores, pub/sub on a duplicate()`, async () => {
      await Promise.all([flush(servers.redisPort), flush(servers.enginePort)]);
      const onRedis = await nodeRedisSession(create, servers.redisPort);
      const onEngine = await nodeRedisSession(create, servers.enginePort);
      expect(onEngine).toEqual(onRedis);
      expect(onEngine).toEqual({
        get: 'hello',
        hgetall: { name: 'Ada', lang: 'en' },
        smembers: ['node', 'redis', 'resp3'],
        zrangeWithScores: [
          { value: 'cy', score: 0.1 },
          { value: 'ada', score: 1.5 },
          { value: 'bob', score: 2 },
        ],
        message: 'fresh',
      });
    });
  }
  for (const [name, create] of Object.entries(ioredisVersions)) {
    it(`${name}: strings, hash, set, sorted set with scores, pub/sub on a duplicate()`, async () => {
      await Promise.all([flush(servers.redisPort), flush(servers.enginePort)]);
      const onRedis = await ioredisSession(create, servers.redisPort);
      const onEngine = await ioredisSession(create, servers.enginePort);
      expect(onEngine).toEqual(onRedis);
      expect(onEngine.get).toBe('hello');
      expect(onEngine.message).toBe('fresh');
    });
  }
});
