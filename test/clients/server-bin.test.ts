import { spawn, type ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BIN, HERMETIC_ENV } from '../helpers/bin.js';
import { freePort } from '../helpers/redis-server.js';
import { PATH_WITHOUT_REDIS } from '../helpers/process.js';

/**
 * Zero setup for the learner's own code: with no Redis anywhere (no redis-server on PATH), `redis-tutor
 * server` runs the built-in engine, and a plain node-redis 6 script with its default options (RESP3, the
 * `npm install redis` of today) connects and runs SET, GET, HSET and a SUBSCRIBE on a duplicate client.
 */

let server: ChildProcess;
let port: number;

beforeAll(async () => {
  port = await freePort();
  server = spawn(process.execPath, [BIN, 'server', '--port', String(port)], { env: { ...process.env, ...HERMETIC_ENV, PATH: PATH_WITHOUT_REDIS }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`127.0.0.1:${port}`)) resolve();
    });
    server.once('exit', (code) => reject(new Error(`redis-tutor server ended (${code}): ${out}`)));
  });
});
afterAll(() => {
  server?.kill('SIGINT');
});

it('node-redis 6 with its defaults talks to redis-tutor server: SET, GET, HSET, HGETALL, and a subscriber on duplicate() hears a PUBLISH', async () => {
  const client = createClient({ url: `redis://127.0.0.1:${port}` });
  const errors: string[] = [];
  client.on('error', (e: Error) => errors.push(e.message));
  await client.connect();
  const sub = client.duplicate();
  await sub.connect();
  try {
    expect(await client.set('greeting', '안녕')).toBe('OK');
    expect(await client.get('greeting')).toBe('안녕');
    expect(await client.hSet('user:1', { name: 'alice', lang: 'ko' })).toBe(2);
    expect({ ...(await client.hGetAll('user:1')) }).toEqual({ name: 'alice', lang: 'ko' });
    let hear: (message: string) => void = () => {};
    const heard = new Promise<string>((resolve) => (hear = resolve));
    // Live once SUBSCRIBE is answered: a message published before would be lost (pub/sub is at most once).
    await sub.subscribe('room:1', (message: string) => hear(message));
    expect(await client.publish('room:1', 'hi')).toBe(1);
    expect(await heard).toBe('hi');
    expect(errors).toEqual([]);
  } finally {
    await sub.quit();
    await client.quit();
  }
});
