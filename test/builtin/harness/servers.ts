import { afterAll, beforeAll } from 'vitest';
import { startBuiltinEngine } from '../../../src/builtin/start.js';
import { startRedis } from '../../helpers/redis-server.js';

/**
 * A real redis-server and the built-in engine side by side for one test file: started before its tests,
 * stopped after. Read the ports inside tests (they exist only once beforeAll has run).
 */
export function useRedisAndEngine(): { readonly redisPort: number; readonly enginePort: number } {
  let stop: () => Promise<unknown> = async () => undefined;
  const ports = { redisPort: 0, enginePort: 0 };
  beforeAll(async () => {
    const [redis, engine] = await Promise.all([startRedis(['--enable-debug-command', 'yes']), startBuiltinEngine()]);
    ports.redisPort = redis.port;
    ports.enginePort = engine.port;
    stop = () => Promise.all([redis.stop(), engine.close()]);
  });
  afterAll(() => stop());
  return ports;
}
