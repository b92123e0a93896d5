import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_MARKER } from '../../src/connection/playground.js';
import { runBin, type BinResult } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/**
 * A learner's Redis that cannot hold a lesson (FLUSHDB renamed away, KEYS renamed away, memory full under
 * noeviction) is told before the lesson starts, in one sentence with the fix, exit 2; `doctor` finds the same.
 */

const NO_FLUSHDB =
  "This server has no FLUSHDB (renamed or disabled in its configuration), which the tutor needs to keep its playground, so no lesson can run here: use --spawn for the tutor's own private server, or enable it on this server.";
const NO_KEYS_FOR_KEYSPACE =
  "Lesson keyspace uses KEYS, which this server does not have (renamed or disabled in its configuration): use --spawn for the tutor's own private server, or enable it on this server.";
const FULL = /^This server is out of memory \([\d.]+[KMG]? used of maxmemory 1\.00M, policy noeviction\), so it refuses every write, the tutor's included: use --spawn for the tutor's own private server, or free memory or raise maxmemory on this server \(CONFIG SET maxmemory 0\)\.$/;

let noFlushdb: TestRedis;
let noKeys: TestRedis;
let full: TestRedis;
let config: string;

beforeAll(async () => {
  [noFlushdb, noKeys, full] = await Promise.all([
    startRedis([], { config: 'rename-command FLUSHDB ""\n' }),
    startRedis([], { config: 'rename-command KEYS ""\n' }),
    startRedis(['--maxmemory', '1mb', '--maxmemory-policy', 'noeviction']),
  ]);
  // A learner who played here before (the playground is the tutor's), then data of their own filled the memory.
  const admin = new Redis({ port: full.port, lazyConnect: true });
  await admin.connect();
  await admin.select(15);
  await admin.set(PLAYGROUND_MARKER, 'x');
  await admin.select(3);
  for (let i = 0; ; i += 100) {
    const batch = admin.pipeline();
    for (let j = i; j < i + 100; j++) batch.set(`fill:${j}`, 'x'.repeat(1000));
    const replies = (await batch.exec()) ?? [];
    if (replies.some(([err]) => err !== null)) break;
  }
  admin.disconnect();
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-server-fitness-'));
});
afterAll(async () => {
  await Promise.all([noFlushdb?.stop(), noKeys?.stop(), full?.stop()]);
  rmSync(config, { recursive: true, force: true });
});

const run = (args: string[], input?: string) => runBin(args, { env: { XDG_CONFIG_HOME: config }, ...(input === undefined ? {} : { input }) });

/** One sentence on stderr, exit 2: not the "please report it" of an internal error, no stack trace. */
function refused(r: BinResult, sentence: string | RegExp): void {
  expect(r.stderr).not.toContain('please report it');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (typeof sentence === 'string') expect(r.stderr.trim()).toBe(sentence);
  else expect(r.stderr.trim()).toMatch(sentence);
  expect(r.code).toBe(2);
}

describe('FLUSHDB renamed away', () => {
  it('every lesson is refused before it starts', async () => {
    for (const lesson of ['intro', 'sets']) refused(await run(['lesson', lesson, '--autoplay', '--url', noFlushdb.url]), NO_FLUSHDB);
  });

  it('the REPL, which never flushes, still works', async () => {
    const r = await run(['repl', '--url', noFlushdb.url], 'PING\n');
    expect(r.stdout).toBe('PONG\n');
    expect(r.code).toBe(0);
  });

  it('doctor fails it, with the same advice', async () => {
    const r = await run(['doctor', '--url', noFlushdb.url]);
    expect(r.stdout).toMatch(/commands\s+│ fail\s+│ This server has no FLUSHDB/);
    expect(r.stdout).toContain(`→ ${NO_FLUSHDB}`);
    expect(r.code).toBe(2);
  });
});

describe('KEYS renamed away', () => {
  it('the lesson that runs KEYS is refused by name', async () => {
    refused(await run(['lesson', 'keyspace', '--autoplay', '--url', noKeys.url]), NO_KEYS_FOR_KEYSPACE);
  });

  it('a lesson without KEYS still runs to its end', async () => {
    const r = await run(['lesson', 'intro', '--autoplay', '--url', noKeys.url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('doctor warns, names the lesson and how to play it, and lessons can still run', async () => {
    const r = await run(['doctor', '--json', '--url', noKeys.url]);
    const report = JSON.parse(r.stdout);
    expect(report.rows.find((row: { item: string }) => row.item === 'commands')).toEqual({
      item: 'commands',
      status: 'warn',
      detail: "lesson keyspace needs KEYS, which this server lacks: enable it on this server, or play it on the tutor's private server (npx redis-tutor lesson keyspace --spawn).",
    });
    expect(report.canRun).toBe(true);
    expect(r.code).toBe(0);
  });
});

describe('memory full under noeviction', () => {
  it('a lesson on a playground claimed before is refused before it starts', async () => {
    refused(await run(['lesson', 'intro', '--autoplay', '--url', full.url]), FULL);
  });

  it('so is the REPL on the playground, where the tutor writes its marker', async () => {
    refused(await run(['repl', '--url', full.url], 'PING\n'), FULL);
  });

  it('doctor fails it, with the advice', async () => {
    const r = await run(['doctor', '--json', '--url', full.url]);
    const report = JSON.parse(r.stdout);
    const row = report.rows.find((row: { item: string }) => row.item === 'memory');
    expect(row.status).toBe('fail');
    expect(row.detail).toMatch(FULL);
    expect(report.recommendation).toMatch(FULL);
    expect(r.code).toBe(2);
  });
});
