import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/course/lines.js';
import { describeProbe } from '../../src/runner/probe-text.js';
import { median } from '../../src/runner/probe.js';
import { rebuildState } from '../../src/runner/replay.js';
import { enginePlayground, lessonOf } from './harness.js';

/**
 * R14 bulk fixtures (`@fixture 30000 SET k:{i} v{i}`) and R15 the latency probe (`@probe KEYS *`), on a real
 * server and on the built-in engine. Timings are printed by `npm run bench -- keyspace`, never asserted:
 * these tests prove what the directives do to the data and what they report.
 */

describe('classifyLine: @fixture and @probe (pure)', () => {
  it.each([
    ['@fixture 100000 SET msg:{i} hello', { kind: 'fixture', count: 100000, command: 'SET msg:{i} hello' }],
    ['@fixture 3 SADD room:{i}:members user{i}', { kind: 'fixture', count: 3, command: 'SADD room:{i}:members user{i}' }],
    ['@fixture 200001 SET k{i} v', { kind: 'bad', why: 'fixture' }],
    ['@fixture 0 SET k{i} v', { kind: 'bad', why: 'fixture' }],
    ['@fixture 10 SET k v', { kind: 'bad', why: 'fixture' }],
    ['@fixture 10 SET "k{i}', { kind: 'bad', why: 'fixture' }],
    ['@probe KEYS *', { kind: 'probe', command: 'KEYS *' }],
    ['@probe', { kind: 'bad', why: 'probe' }],
    ['@probe GET "open', { kind: 'bad', why: 'probe' }],
    ['@sleep 1s', { kind: 'bad', why: 'directive' }],
  ])('%s', (line, meant) => expect(classifyLine(line)).toEqual(meant));
});

describe('describeProbe and median (pure)', () => {
  it('says what the command took and answered, then the slowest and the median PONG', () => {
    const text = describeProbe('KEYS *', { calls: 1, followed: false, ms: 61.6, items: 100003, reply: { kind: 'counted', head: '*100003', bytes: 1_600_000 }, pings: [0.3, 58.9, 0.2, 0.4] });
    expect(text).toBe('(KEYS * took 62 ms and answered 100,003 items (not shown). Meanwhile another connection sent PING every 5 ms: the slowest PONG took 59 ms (median 0.35 ms, 4 PINGs).)');
  });
  it('a SCAN followed to cursor 0 counts its calls and items', () => {
    const text = describeProbe('SCAN 0 COUNT 1000', { calls: 101, followed: true, ms: 250, items: 100003, pings: [1.5] });
    expect(text).toMatch(/^\(SCAN 0 COUNT 1000, followed to cursor 0: 101 calls, 100,003 items, 250 ms in all\. .*slowest PONG took 1\.5 ms \(median 1\.5 ms, 1 PINGs\)\.\)$/);
  });
  it('median: the middle one, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe.each(['real', 'builtin'] as const)('on the %s engine', (engine) => {
  let pg: Awaited<ReturnType<typeof enginePlayground>>;
  beforeAll(async () => {
    pg = await enginePlayground(engine);
  });
  afterAll(async () => {
    await pg?.close();
  });

  it('@fixture runs its command once per {i}, every place {i} stands, and says so in one line', async () => {
    await pg.redis.clear();
    const done = await pg.redis.execute('@fixture 30000 SET k:{i} v{i}');
    expect(done).toMatchObject({ kind: 'directive', text: expect.stringMatching(/^\(SET k:\{i\} v\{i\} run 30,000 times, \{i\} = 1 to 30,000, pipelined: \d+\.\d\d s\)$/) });
    expect(await pg.connection.client.mget('k:1', 'k:29999', 'k:30000', 'k:30001')).toEqual(['v1', 'v29999', 'v30000', null]);
    expect(await pg.connection.client.dbsize()).toBe(30000 + (pg.connection.owned ? 0 : 1));
  });

  it('@fixture stops at a command Redis refuses, and says which and why', async () => {
    await pg.redis.clear();
    const done = await pg.redis.execute('@fixture 5 INCR n{i} extra');
    expect(done.kind).toBe('refused');
    expect(done.text).toContain("`INCR n{i} extra` answered (error) ERR wrong number of arguments for 'incr' command");
  });

  it('@fixture and @probe refuse what a lesson refuses, before sending anything', async () => {
    expect((await pg.redis.execute('@fixture 3 CONFIG SET maxmemory {i}')).kind).toBe('refused');
    expect((await pg.redis.execute('@probe FLUSHALL')).kind).toBe('refused');
    expect((await pg.redis.execute('@probe BLPOP q 0')).text).toContain('blocks');
  });

  it('@probe KEYS: a reply too big to decode is counted, not printed; another connection PINGed meanwhile', async () => {
    await pg.redis.clear();
    await pg.redis.execute('@fixture 30000 SET k:{i} v{i}');
    const done = await pg.redis.execute('@probe KEYS k:*');
    expect(done.kind).toBe('directive');
    expect(done.text).toMatch(/^\(KEYS k:\* took [\d.]+ ms and answered 30,000 items \(not shown\)\. Meanwhile another connection sent PING every 5 ms: the slowest PONG took [\d.]+ ms \(median [\d.]+ ms, \d+ PINGs\)\.\)$/);
    // A quiet baseline before the command and a little after: several PONGs, whatever the machine.
    expect(Number(/(\d+) PINGs/.exec(done.text)![1])).toBeGreaterThanOrEqual(3);
  });

  it('@probe SCAN follows the cursor to 0 and counts every key once per page; a small reply is shown as redis-cli prints it', async () => {
    await pg.redis.clear();
    await pg.redis.execute('@fixture 30000 SET k:{i} v{i}');
    const scan = await pg.redis.execute('@probe SCAN 0 MATCH k:* COUNT 1000');
    const [, calls, items] = /followed to cursor 0: (\d+) calls, ([\d,]+) items/.exec(scan.text)!;
    // 30,000 keys at about 1,000 a page; SCAN may repeat a key, never skips one present throughout.
    expect(Number(calls)).toBeGreaterThanOrEqual(25);
    expect(Number(items!.replace(/,/g, ''))).toBeGreaterThanOrEqual(30000);
    expect((await pg.redis.execute('@probe DBSIZE')).text).toMatch(/^\(DBSIZE took [\d.]+ ms and answered \(integer\) 3000[01]\. /);
  });

  it('@probe DEL changes what DEL changes', async () => {
    await pg.redis.clear();
    await pg.redis.execute('@fixture 20000 SADD big user{i}');
    expect(await pg.connection.client.scard('big')).toBe(20000);
    expect((await pg.redis.execute('@probe DEL big')).text).toMatch(/^\(DEL big took [\d.]+ ms and answered \(integer\) 1\. /);
    expect(await pg.connection.client.exists('big')).toBe(0);
  });

  it('a rebuild starts at the last FLUSHDB (nothing before it survives), and runs a probe as its plain command', async () => {
    const lesson = lessonOf(
      `  - { id: a, kind: run, setup: ['@fixture 50 SET early:{i} x'], commands: [SET early 1] }
  - { id: b, kind: run, setup: [SET doomed 1, FLUSHDB, SET kept 1], commands: [SADD big a b c, '@probe DEL big', SET after 1] }
  - { id: c, kind: say, setup: [SET own 1], text: x }
`,
      { needs: 'two-connections', setup: '[SET lesson-setup 1]' },
    );
    await pg.redis.clear();
    await pg.redis.execute('SET stale 1');
    const ran: string[] = [];
    const watched = { ...pg.redis, execute: (line: string, on?: string) => (ran.push(line), pg.redis.execute(line, on)) };
    await rebuildState(watched, lesson, 2);
    const keys = (await pg.connection.client.keys('*')).filter((k) => k !== 'redis-tutor:playground').sort();
    expect(keys).toEqual(['after', 'kept', 'own']);
    // What the FLUSHDB would wipe was never sent: not the lesson's setup, not step a's 50 SETs.
    expect(ran).toEqual(['FLUSHDB', 'SET kept 1', 'SADD big a b c', 'DEL big', 'SET after 1', 'SET own 1']);
  });
});
