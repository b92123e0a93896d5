import { createClient as createV6 } from 'redis';
import { createClient as createV4 } from 'redis-v4';
import { createClient as createV5 } from 'redis-v5';
import { firstMessage, sortedMembers, type SessionResult } from './scenario.js';

/** The part of node-redis's client the session uses, the same in versions 4, 5 and 6. */
interface NodeRedisClient {
  connect(): Promise<unknown>;
  duplicate(): NodeRedisClient;
  on(event: 'error', listener: (err: Error) => void): unknown;
  set(key: string, value: string): Promise<unknown>;
  get(key: string): Promise<unknown>;
  hSet(key: string, fields: Record<string, string>): Promise<unknown>;
  hGetAll(key: string): Promise<unknown>;
  sAdd(key: string, members: string[]): Promise<unknown>;
  sMembers(key: string): Promise<unknown>;
  zAdd(key: string, members: { score: number; value: string }[]): Promise<unknown>;
  zRangeWithScores(key: string, start: number, stop: number): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  quit(): Promise<unknown>;
}

export const nodeRedisVersions: Record<string, (url: string) => NodeRedisClient> = {
  'node-redis 6': (url) => createV6({ url }) as unknown as NodeRedisClient,
  'node-redis 5': (url) => createV5({ url }) as unknown as NodeRedisClient,
  'node-redis 4': (url) => createV4({ url }) as unknown as NodeRedisClient,
};

/** The session with node-redis, default options (node-redis 6 opens with HELLO 3). */
export async function nodeRedisSession(create: (url: string) => NodeRedisClient, port: number): Promise<SessionResult> {
  const errors: Error[] = [];
  const client = create(`redis://127.0.0.1:${port}`);
  client.on('error', (e) => errors.push(e));
  await client.connect();
  const sub = client.duplicate();
  sub.on('error', (e) => errors.push(e));
  try {
    await client.set('greeting', 'hello');
    await client.hSet('user:1', { name: 'Ada', lang: 'en' });
    await client.sAdd('tags', ['redis', 'node', 'resp3']);
    await client.zAdd('scores', [
      { score: 1.5, value: 'ada' },
      { score: 2, value: 'bob' },
      { score: 0.1, value: 'cy' },
    ]);
    await sub.connect();
    const message = firstMessage(async (onMessage) => {
      await sub.subscribe('news', onMessage);
      await client.publish('news', 'fresh');
    });
    const result: SessionResult = {
      get: await client.get('greeting'),
      hgetall: { ...(await client.hGetAll('user:1')) as object },
      smembers: sortedMembers((await client.sMembers('tags')) as string[]),
      zrangeWithScores: await client.zRangeWithScores('scores', 0, -1),
      message: await message,
    };
    if (errors.length > 0) throw errors[0];
    return result;
  } finally {
    await sub.quit().catch(() => undefined);
    await client.quit().catch(() => undefined);
  }
}
