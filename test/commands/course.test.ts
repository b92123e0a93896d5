import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedisServer } from '../../src/connection/find-server.js';
import { loadCourse } from '../../src/course/load.js';
import { runBin } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

let server: TestRedis;
let home: string;
const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

beforeAll(async () => {
  server = await startRedis();
  home = mkdtempSync(path.join(os.tmpdir(), 'rt-course-'));
});
afterAll(async () => {
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** Runs the real bin with progress kept in a temp config folder, never the real home. */
const tutor = (args: string[], config = home) => runBin(args, { env: { XDG_CONFIG_HOME: config }, timeoutMs: 30_000 });
const progressPath = (config = home) => path.join(config, 'redis-tutor', 'progress.json');

describe('lesson --autoplay', () => {
  // Every shipped lesson, whatever lessons/ holds.
  it.each(loadCourse().map((l) => [l.id, l.needs.includes('cluster')] as const))('plays %s against a real Redis with every check holding, and exits 0', async (id, onCluster) => {
    const r = await tutor(['lesson', id, '--autoplay', '--url', server.url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // A cluster lesson runs on the local cluster the tutor starts, never on the named server.
    if (onCluster) expect(r.stdout.replace(/\s+/g, ' ')).toContain(`The lesson "${id}" runs on real redis-server nodes the tutor starts for it`);
    else expect(r.stdout).toContain(`Redis 7.0.15 at 127.0.0.1:${server.port}, db 15`);
    expect(r.stdout).toContain('✓ checks hold');
    expect(r.stdout).not.toContain('✗');
    expect(r.stdout).toContain('Lesson complete:');
    // Autoplay is for authors and tests: it leaves the learner's progress alone.
    expect(existsSync(progressPath())).toBe(false);
  });

  it('plays a lesson that crashes its server on a private server of its own, leaving the learner\'s Redis as it was', async () => {
    const id = loadCourse().find((l) => l.needs.includes('server-control'))!.id;
    // A Redis of the learner's own, with data in two databases and the playground not yet claimed.
    const mine = await startRedis();
    const { openClient } = await import('../../src/connection/client.js');
    const { client } = await openClient({ host: '127.0.0.1', port: mine.port, tls: false, source: 'test' }, 2000);
    try {
      await client.set('user:1', 'ada');
      await client.select(3);
      await client.rpush('jobs', 'a', 'b');
      const r = await tutor(['lesson', id, '--autoplay', '--url', mine.url]);
      expect(r.code).toBe(0);
      // Wrapped to the terminal's width like prose.
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(`The lesson "${id}" stops, crashes and restarts its server, so it runs on one the tutor starts for it`);
      const own = /private Redis 7\.0\.15 at 127\.0\.0\.1:(\d+)/.exec(r.stdout);
      expect(own).not.toBeNull();
      // The learner's data as it was, the playground holding only the tutor's marker; the lesson's server is gone.
      expect(String(await client.info('keyspace')).trim().split(/\r?\n/).slice(1)).toEqual(['db0:keys=1,expires=0,avg_ttl=0', 'db3:keys=1,expires=0,avg_ttl=0', 'db15:keys=1,expires=0,avg_ttl=0']);
      expect(await client.lrange('jobs', 0, -1)).toEqual(['a', 'b']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
      await expect(openClient({ host: '127.0.0.1', port: Number(own![1]), tls: false, source: 'test' }, 500)).rejects.toThrow();
    } finally {
      client.disconnect();
      await mine.stop();
    }
  });

  it.each([['1', 'What Redis is'], ['2', 'Strings'], ['3', 'Lists']])('plays lesson %s (by number) on a private spawned server', async (n, title) => {
    const r = await tutor(['lesson', n, '--autoplay', '--spawn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/private Redis 7\.0\.15 at 127\.0\.0\.1:\d+/);
    expect(r.stdout).toContain(`Lesson complete: ${title}`);
    expect(r.stdout).not.toContain('✗');
    // The private server has no playground marker, so KEYS * shows none and no note is needed.
    expect(r.stdout).not.toContain('redis-tutor:playground');
  });

  it('prints the transcript of a lesson: commands with redis-cli replies, answers and explanations', async () => {
    const r = await tutor(['lesson', 'strings', '--autoplay', '--url', server.url]);
    const prompt = `127.0.0.1:${server.port}[15]> `;
    expect(r.stdout).toContain(`${prompt}SET chat:room1 "bye"\nOK\n${prompt}GET chat:room1\n"bye"\nRight.`);
    expect(r.stdout).toContain(`${prompt}DEL chat:room1:1 chat:room1:2 chat:room1:404\n(integer) 2`);
    expect(r.stdout).toContain(`${prompt}SET lock:room1 bob NX EX 30\n(nil)\n${prompt}GET lock:room1\n"alice"\nRight.`);
  });

  it('notes the playground marker where a reply shows it, on a server the tutor did not start, and only there', async () => {
    // No shipped lesson lists keys any more (KEYS is a quiz now), so a one-step course does.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-keys-course-'));
    writeFileSync(
      path.join(dir, 'keys.yaml'),
      'format_version: 2\nid: keys\norder: 1\ntitle: Keys\ngoal: G\nminutes: 1\nmin_redis: "6.2"\nsteps:\n  - { id: all, kind: run, commands: [SET k v, KEYS *] }\n',
    );
    const external = await tutor(['lesson', 'keys', '--autoplay', '--lessons', dir, '--url', server.url]);
    const spawned = await tutor(['lesson', 'keys', '--autoplay', '--lessons', dir, '--spawn']);
    rmSync(dir, { recursive: true, force: true });
    expect(external.code).toBe(0);
    expect(external.stdout).toMatch(/KEYS \*\n(1\) "k"\n2\) "redis-tutor:playground"|1\) "redis-tutor:playground"\n2\) "k")\n\(redis-tutor:playground is the tutor's own marker key/);
    // The private server has no playground marker, so KEYS * shows none and no note is needed.
    expect(spawned.code).toBe(0);
    expect(spawned.stdout).toMatch(/KEYS \*\n1\) "k"\n/);
    expect(spawned.stdout).not.toContain('redis-tutor:playground');
  });

  it('exits 1 when a reference solution does not pass', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rt-broken-course-'));
    writeFileSync(
      path.join(dir, 'one.yaml'),
      'format_version: 1\nid: one\norder: 1\ntitle: One\ngoal: G\nminutes: 1\nmin_redis: "6.2"\nsteps:\n  - { id: t, kind: try, text: T, solution: [LPUSH l a b], checks: [{ key: l, list: [a, b] }] }\n',
    );
    const r = await tutor(['lesson', 'one', '--autoplay', '--lessons', dir, '--url', server.url]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ checks failed l should be the list ["a", "b"]; it is ["b", "a"].');
  });
});

describe('lessons check', () => {
  // A real server sleeps through the expiry lesson's @wait, in both of lessons check's play-throughs.
  it('validates and proves the shipped course', { timeout: 200_000 }, async () => {
    const r = await runBin(['lessons', 'check', '--url', server.url], { env: { XDG_CONFIG_HOME: home }, timeoutMs: 180_000 });
    expect(r.code).toBe(0);
    const course = loadCourse();
    expect(r.stdout).toContain(`${course.length} lesson files valid.`);
    expect(r.stdout).toMatch(/✓ intro: 3 try steps fail from their start and pass with their solution; \d+ other right answers? pass(?:es)?; \d+ wrong answers get their feedback/);
    // A lesson that restarts and crashes the server runs only where the tutor owns it (--spawn, --builtin:
    // test/connection/server-control.test.ts); on this one it is left out, saying why.
    for (const lesson of course) {
      expect(r.stdout).toMatch(lesson.needs.includes('server-control') ? new RegExp(`- ${lesson.id}: not checked on this connection\\. .*--spawn`) : new RegExp(`✓ ${lesson.id}: `));
    }
    expect(r.stdout).not.toContain('✗');
  });

  it('lists every problem of every broken file at once, with file and path, and exits 1 without touching Redis', async () => {
    const r = await tutor(['lessons', 'check', path.join(FIXTURES, 'broken'), '--url', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^18 problems in the lesson files:/);
    expect(r.stdout).toContain('bad.yaml: steps[1].checks[1]: expected one of exists, type, string, list, set, hash, hash_exact, zset, ttl, length, stream, stream_last, group beside key:; found colour');
    expect(r.stdout).toContain('future.yaml: format_version: expected 4 or lower');
    expect(r.stdout).toContain('syntax.yaml: line 4, column 1: expected valid YAML');
  });
});

describe('list, lesson names, reset, start without a terminal', () => {
  it('lists the lessons as a table and as JSON, with status from the progress file', async () => {
    const config = mkdtempSync(path.join(os.tmpdir(), 'rt-list-'));
    mkdirSync(path.dirname(progressPath(config)), { recursive: true });
    writeFileSync(progressPath(config), JSON.stringify({ version: 1, welcomed: true, last: 'strings', lessons: { intro: { steps: {}, finished: true, seconds: 60 }, strings: { steps: { 'keys-and-values': 'passed' }, current: 'set-get-shown', finished: false, seconds: 5 } } }));
    const table = await tutor(['list'], config);
    expect(table.code).toBe(0);
    // Steps as played on this platform: intro's Windows note (when: {platform: win32}) is not counted here.
    expect(table.stdout).toMatch(/│ 1 +│ intro +│ What Redis is, and how this tutor works +│ 9 +│ 6 +│ done +│/);
    expect(table.stdout).toMatch(/│ 2 +│ strings +│ .* +│ in progress │/);
    expect(table.stdout).toMatch(/│ 3 +│ lists +│ .* +│ new +│/);
    const json = JSON.parse((await tutor(['list', '--json'], config)).stdout) as { id: string; status: string; steps: number }[];
    // The first three, with the learner's status; every later lesson is new.
    expect(json.slice(0, 3).map((l) => [l.id, l.status])).toEqual([['intro', 'done'], ['strings', 'in progress'], ['lists', 'new']]);
    expect(json.slice(3).every((l) => l.status === 'new')).toBe(true);
    expect(json.map((l) => l.id)).toEqual(loadCourse().map((l) => l.id));
    expect(json[2]!.steps).toBeGreaterThan(10);
    rmSync(config, { recursive: true, force: true });
  });

  it('list says which lessons need redis-server installed, only when it is not (REDIS_SERVER_BIN naming no file)', async () => {
    const cluster = loadCourse().filter((l) => l.needs.includes('cluster')).map((l) => l.id);
    expect(cluster.length).toBeGreaterThan(0);
    const missing = { XDG_CONFIG_HOME: home, REDIS_SERVER_BIN: path.join(home, 'no-redis-server') };
    const json = JSON.parse((await runBin(['list', '--json'], { env: missing, timeoutMs: 30_000 })).stdout) as { id: string; unavailable?: string }[];
    expect(json.filter((l) => l.unavailable !== undefined).map((l) => l.id)).toEqual(cluster);
    expect(json.find((l) => l.unavailable !== undefined)!.unavailable).toContain('REDIS_SERVER_BIN');
    const table = await runBin(['list'], { env: missing, timeoutMs: 30_000 });
    expect(table.code).toBe(0);
    expect(table.stdout.replace(/\s+/g, ' ')).toContain(`${cluster[0]}: The local cluster needs real redis-server processes`);
    const installed = await runBin(['list', '--json'], { env: { XDG_CONFIG_HOME: home, REDIS_SERVER_BIN: findRedisServer(process.env)! }, timeoutMs: 30_000 });
    expect((JSON.parse(installed.stdout) as { unavailable?: string }[]).every((l) => l.unavailable === undefined)).toBe(true);
  });

  it('answers an unknown lesson with "did you mean" and the list, exit 2', async () => {
    const r = await tutor(['lesson', 'lsits', '--autoplay']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no lesson "lsits". Did you mean "lists"?');
    expect(r.stderr).toContain(' 2  strings');
  });

  it('start without a terminal says what to run instead and exits 2 at once', async () => {
    const r = await tutor(['start', '--url', server.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('redis-tutor start needs a terminal');
    expect(r.stderr).toContain('redis-tutor lesson intro --autoplay');
  });

  it('lesson without a terminal (and without --autoplay) exits 2 too', async () => {
    const r = await tutor(['lesson', 'intro', '--url', server.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('redis-tutor lesson intro needs a terminal');
  });

  it('reset asks first; without a terminal it needs --yes; it clears one lesson or all', async () => {
    const config = mkdtempSync(path.join(os.tmpdir(), 'rt-reset-'));
    mkdirSync(path.dirname(progressPath(config)), { recursive: true });
    const progress = { version: 1, welcomed: true, lessons: { intro: { steps: {}, finished: true, seconds: 1 }, lists: { steps: {}, finished: true, seconds: 1 } } };
    writeFileSync(progressPath(config), JSON.stringify(progress));
    const refused = await tutor(['reset'], config);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Add --yes');
    const one = await tutor(['reset', 'lists', '--yes'], config);
    expect(one.stdout).toContain('Progress cleared for the lesson "Lists: a chat history that keeps every message".');
    expect(Object.keys(JSON.parse(readFileSync(progressPath(config), 'utf8')).lessons)).toEqual(['intro']);
    await tutor(['reset', '--yes'], config);
    expect(JSON.parse(readFileSync(progressPath(config), 'utf8'))).toEqual({ version: 1, welcomed: true, lessons: {} });
    rmSync(config, { recursive: true, force: true });
  });

  it('a damaged progress file is set aside with a notice, never fatal', async () => {
    const config = mkdtempSync(path.join(os.tmpdir(), 'rt-damaged-'));
    mkdirSync(path.dirname(progressPath(config)), { recursive: true });
    writeFileSync(progressPath(config), '{"version": 1, "lessons": ');
    const r = await tutor(['list', '--json'], config);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Your progress file \(.*progress\.json\) was damaged; it was moved to .*progress\.json\.damaged-.* and you start fresh\.\n$/);
    expect(JSON.parse(r.stdout).every((l: { status: string }) => l.status === 'new')).toBe(true);
    rmSync(config, { recursive: true, force: true });
  });
});
