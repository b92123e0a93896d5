import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConnection, type Connection } from '../../src/connection/resolve.js';
import { readCourse } from '../../src/course/load.js';
import { openLessonRedis, type LessonRedis } from '../../src/runner/redis.js';
import { proveLesson } from '../../src/runner/verify.js';
import { rebuildState } from '../../src/runner/replay.js';
import { lessonOf } from '../runner/harness.js';

/**
 * R5 server control on the two servers the tutor owns: its private redis-server and its built-in engine.
 * What each stop and start keeps is what a redis-server with the same settings keeps.
 */
describe.each(['spawn', 'builtin'] as const)('server control on %s', (kind) => {
  let connection: Connection;
  let redis: LessonRedis;
  beforeAll(async () => {
    connection = await resolveConnection({ kind }, { playground: true, env: process.env });
    redis = await openLessonRedis(connection);
  });
  afterAll(async () => {
    redis?.close();
    await connection?.close();
  });

  const run = async (...lines: string[]) => {
    const texts: string[] = [];
    for (const line of lines) {
      const done = await redis.execute(line);
      texts.push(done.text);
    }
    return texts;
  };

  it('starts fresh with Redis\'s default persistence settings', async () => {
    await run('SET leftover 1');
    await redis.clear({ fresh: true });
    expect(await run('DBSIZE', 'CONFIG GET save', 'CONFIG GET appendonly', 'CONFIG GET appendfsync')).toEqual([
      '(integer) 0',
      '1) "save"\n2) "3600 1 300 100 60 10000"',
      '1) "appendonly"\n2) "no"',
      '1) "appendfsync"\n2) "everysec"',
    ]);
  });

  it('loses what was written after the last snapshot to a crash, and keeps it through a clean restart', async () => {
    await redis.clear({ fresh: true });
    expect(await run('SET msg:1 hi', 'SAVE', 'SET msg:2 after', '@crash', 'KEYS msg:*')).toEqual(['OK', 'OK', 'OK', expect.stringContaining('kill -9'), '1) "msg:1"']);
    expect(await run('SET msg:3 x', '@restart', 'EXISTS msg:3')).toEqual(['OK', expect.stringContaining('SHUTDOWN'), '(integer) 1']);
    // The tutor's own connection came back too: the checks read through it.
    expect(await connection.client.exists('msg:3')).toBe(1);
  });

  it('keeps a write through a crash with the AOF on, and forgets CONFIG SET when started from its configuration file', async () => {
    await redis.clear({ fresh: true });
    await run('CONFIG SET appendonly yes', '@wait 1500ms', 'SET msg:4 logged', '@wait 1500ms', '@crash');
    expect(await run('GET msg:4', 'CONFIG GET appendonly')).toEqual(['"logged"', '1) "appendonly"\n2) "yes"']);
    await run('@restart-from-config');
    // A clean stop with save points set wrote a snapshot: the data stays, the setting does not.
    expect(await run('CONFIG GET appendonly', 'GET msg:4')).toEqual(['1) "appendonly"\n2) "no"', '"logged"']);
  });

  it('stops cleanly right after the AOF is turned on (Redis refuses SHUTDOWN until its first AOF is written: the tutor waits)', async () => {
    await redis.clear({ fresh: true });
    expect(await run('CONFIG SET appendonly yes', 'SET x 1', '@restart', 'GET x', 'CONFIG GET appendonly')).toEqual([
      'OK',
      'OK',
      expect.stringContaining('SHUTDOWN'),
      '"1"',
      '1) "appendonly"\n2) "yes"',
    ]);
  });

  it('starts from its configuration file as CONFIG REWRITE left it, keeping the running configuration through a crash', async () => {
    await redis.clear({ fresh: true });
    await run('CONFIG SET appendonly yes', 'CONFIG REWRITE', 'CONFIG SET hz 20', '@wait 1500ms', 'SET msg:6 kept', '@wait 1500ms', '@crash');
    // The same process started again: both settings, and the write from the AOF.
    expect(await run('CONFIG GET appendonly', 'CONFIG GET hz', 'GET msg:6')).toEqual(['1) "appendonly"\n2) "yes"', '1) "hz"\n2) "20"', '"kept"']);
    await run('@restart-from-config');
    // The file holds what CONFIG REWRITE wrote (the AOF on), not the later CONFIG SET.
    expect(await run('CONFIG GET appendonly', 'CONFIG GET hz', 'GET msg:6')).toEqual(['1) "appendonly"\n2) "yes"', '1) "hz"\n2) "10"', '"kept"']);
  });

  it('rebuilds a step from a fresh server: the CONFIG SET lines before the last FLUSHDB, then the lines from it', async () => {
    const lesson = lessonOf(
      `
  - { id: aof, kind: run, commands: [CONFIG SET appendonly yes, CONFIG SET appendfsync always, SET before-flush 1] }
  - { id: back, kind: run, commands: ['@restart-from-config', CONFIG SET hz 20] }
  - { id: flush, kind: run, commands: [FLUSHDB, SET after-flush 1] }
  - { id: here, kind: say, text: Here. }`,
      { needs: 'server-control', format: 4 },
    );
    await run('CONFIG SET maxmemory-policy allkeys-lru', 'SET stray 1');
    await rebuildState(redis, lesson, 3);
    // The restart from the configuration file forgot the AOF; hz was set after it; the flush emptied the rest.
    expect(await run('CONFIG GET appendonly', 'CONFIG GET hz', 'CONFIG GET maxmemory-policy', 'KEYS *')).toEqual([
      '1) "appendonly"\n2) "no"',
      '1) "hz"\n2) "20"',
      '1) "maxmemory-policy"\n2) "noeviction"',
      '1) "after-flush"',
    ]);
  });

  it('proves every shipped lesson that controls its server', { timeout: 120_000 }, async () => {
    const lessons = readCourse(new URL('../../lessons', import.meta.url).pathname).lessons.filter((l) => l.needs.includes('server-control'));
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) expect({ id: lesson.id, problems: (await proveLesson(redis, lesson)).problems }).toEqual({ id: lesson.id, problems: [] });
  });
});
