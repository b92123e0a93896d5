import { Redis } from 'ioredis';
import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';

/** A real redis-server and an engine (no cap unless given), each with an ioredis client. */
export interface Pair {
  redis: Redis;
  engine: Redis;
  stop(): Promise<void>;
  enginePort: number;
  redisPort: number;
}

export async function startPair(maxMemoryBytes = 0): Promise<Pair> {
  const [real, ours]: [TestRedis, RunningEngine] = await Promise.all([startRedis(), startBuiltinEngine({ maxMemoryBytes })]);
  const redis = new Redis(real.port, '127.0.0.1', { lazyConnect: false });
  const engine = new Redis(ours.port, '127.0.0.1', { lazyConnect: false });
  return {
    redis,
    engine,
    enginePort: ours.port,
    redisPort: real.port,
    stop: async () => {
      redis.disconnect();
      engine.disconnect();
      await Promise.all([real.stop(), ours.close()]);
    },
  };
}

/** INFO's field as a number. */
export async function infoField(client: Redis, section: string, field: string): Promise<number> {
  const text = await client.info(section);
  const m = new RegExp(`^${field}:(\\d+)`, 'm').exec(text);
  if (m === null) throw new Error(`INFO ${section} has no ${field}`);
  return Number(m[1]);
}

/** Sends commands in pipelines of `batch`, returning every error reply's text. */
export async function pipelined(client: Redis, commands: (string | Buffer)[][], batch = 2000): Promise<string[]> {
  const errors: string[] = [];
  for (let i = 0; i < commands.length; i += batch) {
    const p = client.pipeline();
    for (const c of commands.slice(i, i + batch)) p.call(String(c[0]), ...c.slice(1));
    for (const [err] of (await p.exec()) ?? []) if (err) errors.push(err.message);
  }
  return errors;
}
