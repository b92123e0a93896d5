import { Redis as Redis5 } from 'ioredis';
import { Redis as Redis6 } from 'ioredis-v6';
import { firstMessage, sortedMembers, type SessionResult } from './scenario.js';

/** The part of ioredis the session uses, the same in versions 5 and 6. */
interface IoRedisClient {
  duplicate(): IoRedisClient;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  set(key: string, value: string): Promise<unknown>;
  get(key: string): Promise<unknown>;
  hset(key: string, fields: Record<string, string>): Promise<unknown>;
  hgetall(key: string): Promise<unknown>;
  sadd(key: string, ...members: string[]): Promise<unknown>;
  smembers(key: string): Promise<unknown>;
  zadd(key: string, ...scoresAndMembers: (string | number)[]): Promise<unknown>;
  zrange(key: string, start: number, stop: number, withScores: 'WITHSCORES'): Promise<unknown>;
  subscribe(channel: string): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  quit(): Promise<unknown>;
}

export const ioredisVersions: Record<string, (port: number) => IoRedisClient> = {
  'ioredis 5': (port) => new Redis5(port, '127.0.0.1') as unknown as IoRedisClient,
  'ioredis 6': (port) => new Redis6(port, '127.0.0.1') as unknown as IoRedisClient,
};

/** The session with ioredis, default options (version 6 opens with HELLO 3, then INFO as its ready check). */
export async function ioredisSession(create: (port: number) => IoRedisClient, port: number): Promise<SessionResult> {
  const errors: Error[] = [];
  const client = create(port);
  client.on('error', (e) => errors.push(e));
  const sub = client.duplicate();
  sub.on('error', (e) => errors.push(e));
  try {
    await client.set('greeting', 'hello');
    await client.hset('user:1', { name: 'Ada', lang: 'en' });
    await client.sadd('tags', 'redis', 'node', 'resp3');
    await client.zadd('scores', 1.5, 'ada', 2, 'bob', 0.1, 'cy');
    const message = firstMessage(async (onMessage) => {
      sub.on('message', (_channel, m) => onMessage(m));
      await sub.subscribe('news');
      await client.publish('news', 'fresh');
    });
    const result: SessionResult = {
      get: await client.get('greeting'),
      hgetall: await client.hgetall('user:1'),
      smembers: sortedMembers((await client.smembers('tags')) as string[]),
      zrangeWithScores: await client.zrange('scores', 0, -1, 'WITHSCORES'),
      message: await message,
    };
    if (errors.length > 0) throw errors[0];
    return result;
  } finally {
    await sub.quit().catch(() => undefined);
    await client.quit().catch(() => undefined);
  }
}
