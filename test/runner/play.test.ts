import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLAYGROUND_MARKER } from '../../src/connection/playground.js';
import type { Lesson } from '../../src/course/schema.js';
import { QuitSignal } from '../../src/errors.js';
import { emptyProgress, type Progress } from '../../src/progress/model.js';
import { playLesson } from '../../src/runner/play.js';
import { runLesson } from '../../src/runner/session.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { context, fixtureCourse, lessonOf, playground, scriptedPlayer } from './harness.js';


let server: TestRedis;
let pg: Awaited<ReturnType<typeof playground>>;
let basics: Lesson;

beforeAll(async () => {
  server = await startRedis();
  pg = await playground(server);
  basics = fixtureCourse()[0]!;
});
afterAll(async () => {
  await pg?.close();
  await server?.stop();
});
beforeEach(async () => pg.redis.clear());

const text = (screen: string[]) => screen.join('\n');

describe('playLesson against a real Redis', () => {
  it('runs every step: wrong answer with near-miss feedback, hints one at a time, then the right answer', async () => {
    const player = scriptedPlayer(['SET greting hello', 'hint', 'hint', 'hint', 'SET greeting hello', 'RPUSH chat a b']);
    const ctx = context(pg.redis, player);
    const result = await playLesson(ctx, basics, 0);
    const screen = text(ctx.screen);
    expect(result.state.status).toBe('finished');
    expect(result.state.outcomes).toEqual({ hello: 'passed', greet: 'passed', overwrite: 'passed', chat: 'passed', quiz: 'passed' });
    expect(result.allPassed).toBe(true);
    // Feedback is wrapped to the width (100 here); read it as one line.
    expect(screen.replace(/\n/g, ' ')).toContain('Not yet: greeting should be the string "hello"; it does not exist. There is a key greting: did you mean greeting?');
    expect(screen).toContain('Hint 1/2: Use SET.');
    expect(screen).toContain('Hint 2/2: Type: SET greeting hello');
    expect(screen).toContain('No more hints. Type solution to see the answer.');
    // The predict step ran its commands for real.
    expect(screen).toMatch(/GET note\n"b"\nRight\.\nSET replaces\./);
    expect([...ctx.used]).toEqual(['SET', 'RPUSH']);
  });

  it('starts from a clean playground with the lesson setup, and keeps the marker on a server it did not start', async () => {
    await pg.connection.client.set('leftover', 'x');
    const ctx = context(pg.redis, scriptedPlayer(['KEYS *']));
    await expect(playLesson(ctx, basics, 1)).rejects.toBeInstanceOf(QuitSignal);
    const keys = (await pg.connection.client.keys('*')).sort();
    expect(keys).toEqual(['fixture:setup', PLAYGROUND_MARKER].sort());
    expect(text(ctx.screen)).toContain(`(${PLAYGROUND_MARKER} is the tutor's own marker key`);
  });

  it('marks a step shown when the solution is asked for, and skipped on skip; autoplay-style success is then false', async () => {
    const ctx = context(pg.redis, scriptedPlayer(['solution', 'skip']));
    const result = await playLesson(ctx, basics, 1);
    expect(result.state.outcomes).toMatchObject({ greet: 'shown', chat: 'skipped' });
    expect(result.allPassed).toBe(false);
    expect(await pg.connection.client.get('greeting')).toBe('hello');
    expect(text(ctx.screen)).toContain('The solution, run for you on the data as the step found it:');
    // The skipped step's solution was played unseen, so what comes after finds the data it expects.
    expect(await pg.connection.client.lrange('chat', 0, -1)).toEqual(['a', 'b']);
    expect(text(ctx.screen)).not.toContain('RPUSH chat a b');
  });

  it('goes back a step and rebuilds that step\'s starting state', async () => {
    // At `chat`, go back to the predict step (which runs again), then pass `chat` for real.
    const ctx = context(pg.redis, scriptedPlayer(['SET greeting hello', 'RPUSH chat x', 'back', 'RPUSH chat a b']));
    const result = await playLesson(ctx, basics, 1);
    expect(result.state.status).toBe('finished');
    const screen = text(ctx.screen);
    expect(screen.match(/\[3\/5\]/g)).toHaveLength(2);
    expect(await pg.connection.client.lrange('chat', 0, -1)).toEqual(['a', 'b']);
  });

  it('takes back and quit at the pause after a step the learner only reads', async () => {
    // Pauses: after `hello` go on; after the predict step `overwrite` go back to `greet` (its state rebuilt,
    // so it is asked again); after `overwrite` the second time, quit.
    const ctx = context(pg.redis, scriptedPlayer(['SET greeting hello', 'SET greeting hello'], [], [undefined, 'back', 'quit']));
    const result = await playLesson(ctx, basics, 0);
    expect(result.state).toMatchObject({ status: 'quit', index: 2 });
    expect(text(ctx.screen).match(/\[2\/5\]/g)).toHaveLength(2);
  });

  it('rebuilds a step\'s state even when the learner left a MULTI open', async () => {
    const ctx = context(pg.redis, scriptedPlayer(['MULTI', 'SET chat x', 'back', 'RPUSH chat a b']));
    const result = await playLesson(ctx, basics, 3);
    expect(text(ctx.screen)).toContain('QUEUED');
    expect(result.state.outcomes).toMatchObject({ overwrite: 'passed', chat: 'passed' });
    expect(await pg.connection.client.get('note')).toBe('b');
  });

  it('answers a write that changed nothing (an attempt) with the advice, and stays quiet after a read', async () => {
    // SET ... XX on a missing key writes nothing; it is still an attempt at the task, and hears why it fell short.
    // The same write again is not told the same again; another write that changes nothing is.
    const ctx = context(pg.redis, scriptedPlayer(['GET greeting', 'SET greeting hello XX', 'SET greeting hello XX', 'SET greeting hi XX', 'GET greeting', 'SET greeting hello']));
    await expect(playLesson(ctx, basics, 1)).rejects.toBeInstanceOf(QuitSignal);
    const screen = text(ctx.screen);
    // The learner's lines are not echoed here (a terminal shows them as typed).
    const notYet = 'Not yet: greeting should be the string "hello"; it does not exist.';
    expect(screen).toContain(['(nil)', '(nil)', notYet, '(nil)', '(nil)', notYet, '(nil)', 'OK', 'Done!'].join('\n'));
    expect(screen.match(/Not yet:/g)).toHaveLength(2);
    expect(screen).toContain('Done!');
  });

  it('answers every read where the step asks for a reply, even when its own message says the same each time', async () => {
    // A catch-up read is the attempt: a wrong range changes no data, and must still hear why it is wrong.
    const lesson = lessonOf(`
  - id: read
    kind: try
    text: Read what came after 1-0.
    setup: [DEL log, "XADD log 1-0 user alice text hi", "XADD log 2-0 user bob text hello"]
    checks:
      - reply_matches: '^1\\) 1\\) "2-0"'
        message: Only what came after 1-0, please.
    hints: [exclusive]
    solution: ["XRANGE log (1-0 +"]
    wrong:
      - commands: [XRANGE log 1-0 +]
        feedback: Only what came after`);
    const ctx = context(pg.redis, scriptedPlayer(['XRANGE log 1-0 +', 'XRANGE log - +', 'XRANGE log (1-0 +']));
    await playLesson(ctx, lesson, 0);
    expect(text(ctx.screen).match(/Not yet: Only what came after 1-0, please\./g)).toHaveLength(2);
    expect(text(ctx.screen)).toContain('Done!');
  });

  it('waits for EXEC before advising inside MULTI, and show looks without queuing anything', async () => {
    const lesson = lessonOf(`
  - id: send
    kind: try
    text: Push 7 and count it, in one transaction.
    setup: [DEL room:1, DEL n]
    checks:
      - key: room:1
        list: ["7"]
      - key: n
        string: "1"
      - uses: EXEC
    hints: [MULTI]
    solution: [MULTI, RPUSH room:1 7, INCR n, EXEC]
    wrong:
      - commands: [RPUSH room:1 7]
        feedback: should hold`);
    const ctx = context(pg.redis, scriptedPlayer(['MULTI', 'RPUSH room:1 7', 'show room:1', 'INCR n', 'EXEC']));
    await playLesson(ctx, lesson, 0);
    const screen = text(ctx.screen);
    expect(screen).not.toContain('Not yet');
    expect(screen).toContain('QUEUED\n(no key "room:1" in this database)\nQUEUED');
    expect(screen).toContain('1) (integer) 1\n2) (integer) 1\nDone!');
  });

  it('says why a list check fails, but not again while nothing changes', async () => {
    const ctx = context(pg.redis, scriptedPlayer(['SET chat a', 'GET chat', 'DEL chat', 'RPUSH chat a b']));
    await playLesson(ctx, basics, 3);
    const screen = text(ctx.screen);
    expect(screen.match(/chat should be a list of 2 items; it is a string\./g)).toHaveLength(1);
    expect(screen).toContain('chat should be a list of 2 items; it does not exist.');
  });

  it('asks for the command a step is about', async () => {
    const ctx = context(pg.redis, scriptedPlayer(['LPUSH chat b a', 'DEL chat', 'RPUSH chat a b']));
    await playLesson(ctx, basics, 3);
    expect(text(ctx.screen)).toContain('Not yet: This step is about RPUSH: use it to get there.');
  });

  it('refuses commands that would leave the playground, without sending them', async () => {
    const ctx = context(pg.redis, scriptedPlayer(['SELECT 0', 'FLUSHALL']));
    await expect(playLesson(ctx, basics, 1)).rejects.toBeInstanceOf(QuitSignal);
    expect(text(ctx.screen)).toContain('(tutor) SELECT is not available in a lesson');
    expect(text(ctx.screen)).toContain('(tutor) FLUSHALL is not available in a lesson');
    expect(await pg.connection.client.exists(PLAYGROUND_MARKER)).toBe(1);
  });

  it('draws show <key> and help <command> with the REPL\'s modules', async () => {
    const ctx = context(pg.redis, scriptedPlayer(['RPUSH chat a', 'show chat', 'help RPUSH']));
    await expect(playLesson(ctx, basics, 3)).rejects.toBeInstanceOf(QuitSignal);
    const screen = text(ctx.screen);
    expect(screen).toMatch(/chat .*list/);
    expect(screen).toMatch(/RPUSH key element/);
  });

  it('shows the Korean text of a step when the learner\'s language is Korean', async () => {
    const ctx = context(pg.redis, scriptedPlayer([]), 'ko');
    await expect(playLesson(ctx, basics, 0)).rejects.toBeInstanceOf(QuitSignal);
    expect(ctx.screen).toContain('픽스처 코스에 오신 것을 환영합니다. 막히면 hint를 입력하세요.');
  });
});

describe('runLesson with progress', () => {
  const sink = (start: Progress) => {
    let p = start;
    return { get: () => p, set: (next: Progress) => void (p = next) };
  };

  it('records each step as it ends, keeps the step on screen when the learner quits, and resumes there', async () => {
    const progress = sink(emptyProgress());
    let now = 0;
    const clock = () => (now += 1000);
    const first = context(pg.redis, scriptedPlayer(['SET greeting hello']));
    await expect(runLesson(first, basics, { progress, now: clock })).rejects.toBeInstanceOf(QuitSignal);
    expect(progress.get().lessons.basics).toMatchObject({ steps: { hello: 'passed', greet: 'passed', overwrite: 'passed' }, current: 'chat', finished: false });
    expect(first.screen.at(-1)).toContain('Progress saved.');

    const second = context(pg.redis, scriptedPlayer(['RPUSH chat a b']));
    const result = await runLesson(second, basics, { progress, now: clock });
    expect(result).toEqual({ finished: true, allPassed: true });
    expect(second.screen).toContain('Continuing at step 4 of 5.');
    expect(progress.get().lessons.basics).toMatchObject({ finished: true });
    expect(progress.get().lessons.basics?.current).toBeUndefined();
    const summary = second.screen.at(-1)!;
    expect(summary).toContain('Lesson complete: Basics');
    expect(summary).toContain('Commands you used: RPUSH');
    expect(summary).toMatch(/Time: \d+ s/);
    expect(summary).toContain('That was the last lesson.');
  });
});
