import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/course/lines.js';
import { playLesson } from '../../src/runner/play.js';
import { rebuildState } from '../../src/runner/replay.js';
import { context, enginePlayground, lessonOf, scriptedPlayer } from './harness.js';

/** R16: the race runner, `@race 4x1000 GET n | SET n {n+1}`, on a real server and on the built-in engine. */

describe('classifyLine: @race (pure)', () => {
  it.each([
    ['@race 4x1000 INCR n', { kind: 'race', clients: 4, times: 1000, script: ['INCR n'] }],
    ['@race 2x3 GET n | SET n {n+1}', { kind: 'race', clients: 2, times: 3, script: ['GET n', 'SET n {n+1}'] }],
    ['@race 11x10 INCR n', { kind: 'bad', why: 'race' }],
    ['@race 4x10001 INCR n', { kind: 'bad', why: 'race' }],
    ['@race 0x10 INCR n', { kind: 'bad', why: 'race' }],
    ['@race 4x10 SET "open', { kind: 'bad', why: 'race' }],
    ['@race 4 INCR n', { kind: 'bad', why: 'race' }],
  ])('%s', (line, meant) => expect(classifyLine(line)).toEqual(meant));
});

const lesson = () =>
  lessonOf(
    `  - id: race
    kind: run
    setup: [SET n 0, SET safe 0]
    commands: ['@race 4x300 GET n | SET n {n+1}', GET n, '@race 4x300 INCR safe', GET safe]
`,
    { needs: 'two-connections' },
  );

describe.each(['real', 'builtin'] as const)('on the %s engine', (engine) => {
  let pg: Awaited<ReturnType<typeof enginePlayground>>;
  beforeAll(async () => {
    pg = await enginePlayground(engine);
  });
  afterAll(async () => {
    await pg?.close();
  });

  it('four clients at once: INCR reaches exactly 1,200; GET+SET of what was read never goes past it; the race is told, not echoed', async () => {
    const ctx = context(pg.redis, scriptedPlayer([]));
    await playLesson(ctx, lesson(), 0);
    const screen = ctx.screen.join('\n');
    expect(screen).toMatch(/\(4 clients at once, each running GET n \| SET n \{n\+1\} 300 times: done in \d+\.\d s\)/);
    expect(screen).not.toContain('@race');
    expect(await pg.connection.client.get('safe')).toBe('1200');
    const lossy = Number(await pg.connection.client.get('n'));
    expect(lossy).toBeGreaterThanOrEqual(300);
    expect(lossy).toBeLessThanOrEqual(1200);
    // The race's clients are gone with it: only the tutor's own connections remain (INFO clients, which
    // both engines answer; a closed socket may take a moment to be noticed).
    const connected = async () => Number(/connected_clients:(\d+)/.exec(String(await pg.connection.client.info('clients')))![1]);
    for (let i = 0; i < 50 && (await connected()) > 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await connected()).toBeLessThanOrEqual(3);
  });

  it('a rebuilt starting state does not run a race again: its end is timing, and nothing after it relies on it', async () => {
    // Step 0 holds the races; rebuilding step 1 replays step 0's setup but not its races.
    await rebuildState(pg.redis, { ...lesson(), steps: [...lesson().steps, { id: 'next', kind: 'say', setup: [], text: 'x' }] }, 1);
    expect(await pg.connection.client.mget('n', 'safe')).toEqual(['0', '0']);
  });
});
