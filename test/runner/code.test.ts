import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCourse } from '../../src/course/load.js';
import { setLanguage } from '../../src/ui/i18n.js';
import { PLAYGROUND_MARKER } from '../../src/connection/playground.js';
import type { CodeStep, Lesson } from '../../src/course/schema.js';
import { attemptProgram, rerunCommand } from '../../src/runner/code/attempt.js';
import { lineInFile } from '../../src/runner/code/failure.js';
import { runNode } from '../../src/runner/code/run-node.js';
import { placeStarter, prepareWorkspace, restoreStarter, solutionName } from '../../src/runner/code/workspace.js';
import { playLesson } from '../../src/runner/play.js';
import { rebuildState } from '../../src/runner/replay.js';
import { autoPlayer } from '../../src/runner/player.js';
import { proveLesson } from '../../src/runner/verify.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { context, playground, scriptedPlayer } from './harness.js';

/**
 * Code steps (R17) against a real redis-server, with node-redis from the tutor's own node_modules: the
 * workspace, running a program (starter, solution, a throw, a hang, a client left open), reruns, the
 * step played by a scripted learner, and `lessons check` proving the fixture lesson.
 */

let server: TestRedis;
let pg: Awaited<ReturnType<typeof playground>>;
let lesson: Lesson;
let step: CodeStep;
let dir: string;

beforeAll(async () => {
  server = await startRedis();
  pg = await playground(server);
  const course = readCourse(path.join(import.meta.dirname, '../fixtures/code'));
  expect(course.problems).toEqual([]);
  lesson = course.lessons[0]!;
  step = lesson.steps[0] as CodeStep;
});
afterAll(async () => {
  await pg?.close();
  await server?.stop();
});
beforeEach(async () => {
  await pg.redis.clear();
  dir = mkdtempSync(path.join(os.tmpdir(), 'rt-code-'));
  prepareWorkspace(dir);
  return () => rmSync(dir, { recursive: true, force: true });
});

const write = (text: string) => writeFileSync(path.join(dir, step.file), text);
const PRELUDE = `import { createClient } from 'redis';\nconst client = createClient({ url: process.env.REDIS_URL });\nawait client.connect();\n`;

describe('the workspace', () => {
  it('resolves `redis` with no network, as an ES module folder', async () => {
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).type).toBe('module');
    write(`${PRELUDE}console.log(await client.ping());\nawait client.quit();\n`);
    const run = await runNode({ dir, file: step.file, url: pg.redis.url! });
    expect(run).toMatchObject({ end: 'exited', code: 0, stdout: 'PONG\n' });
  });

  it('gives REDIS_URL with the playground db', () => {
    expect(pg.redis.url).toBe(`redis://127.0.0.1:${server.port}/15`);
  });

  it("never overwrites the learner's file; retry's starter keeps theirs as .bak", () => {
    expect(placeStarter(dir, step.file, step.starter)).toBe('written');
    expect(placeStarter(dir, step.file, step.starter)).toBe('same');
    write('// mine\n');
    expect(placeStarter(dir, step.file, step.starter)).toBe('kept');
    expect(readFileSync(path.join(dir, step.file), 'utf8')).toBe('// mine\n');
    expect(restoreStarter(dir, step.file, step.starter)).toBe('greet.mjs.bak');
    expect(readFileSync(path.join(dir, 'greet.mjs.bak'), 'utf8')).toBe('// mine\n');
    expect(readFileSync(path.join(dir, step.file), 'utf8')).toBe(step.starter);
    expect(solutionName('send-message.mjs')).toBe('send-message.solution.mjs');
  });
});

describe('running a program', () => {
  it('the starter fails the checks', async () => {
    write(step.starter);
    const verdict = await attemptProgram(pg.redis, step, dir);
    expect(verdict.ok).toBe(false);
    expect(verdict.failure).toBeUndefined();
    expect(verdict.failures[0]).toContain('`greeting` should be the string "hello alice"; it does not exist.');
  });

  it('the solution passes, reruns included (NAME=민수)', async () => {
    write(step.solution);
    const lines: string[] = [];
    const reruns: string[] = [];
    const verdict = await attemptProgram(pg.redis, step, dir, { onLine: (l) => lines.push(l), onRerun: (c) => reruns.push(c) });
    expect(verdict).toEqual({ ok: true, failures: [] });
    expect(lines).toEqual(['hello alice', 'hello 민수']);
    expect(reruns).toEqual(['NAME=민수 node greet.mjs']);
    expect((await pg.redis.execute('GET greeting')).text).toBe('"hello 민수"');
  });

  it('a program right only for the first input fails the rerun with a Korean name, saying which', async () => {
    write(`${PRELUDE}await client.set('greeting', 'hello alice');\nconsole.log('hello alice');\nawait client.quit();\n`);
    const verdict = await attemptProgram(pg.redis, step, dir);
    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toEqual([
      "Right with the step's own input, but not when run again as `NAME=민수 node greet.mjs`: `greeting` should hold \"hello 민수\"; it holds \"hello alice\". Your program should print \"hello 민수\"; it printed \"hello alice\".",
    ]);
  });

  it('a program that throws: the first line of the error and the line of their file, no stack', async () => {
    write(`${PRELUDE}\nawait client.rpush('greeting', 'hi');\n`);
    const verdict = await attemptProgram(pg.redis, step, dir);
    expect(verdict.failure).toEqual({
      message: 'Your program stopped with an error at line 5 of `greet.mjs`: `TypeError: client.rpush is not a function`',
      source: "5 │ await client.rpush('greeting', 'hi');",
    });
    expect(verdict.failures.join()).not.toMatch(/node:internal|at file:/);
  });

  it('a syntax error names its line too', async () => {
    write(`${PRELUDE}const x = ;\n`);
    const verdict = await attemptProgram(pg.redis, step, dir);
    expect(verdict.failure?.message).toBe("Your program stopped with an error at line 4 of `greet.mjs`: `SyntaxError: Unexpected token ';'`");
  });

  it("an error from Redis (no line of theirs in its stack) is said alone", async () => {
    write(`${PRELUDE}await client.set('greeting', 'x');\nawait client.lPush('greeting', 'y');\n`);
    const verdict = await attemptProgram(pg.redis, step, dir);
    expect(verdict.failure).toEqual({ message: 'Your program stopped with an error: `Error: WRONGTYPE Operation against a key holding the wrong kind of value`' });
  });

  it('a program that hangs is stopped at the time limit', async () => {
    write('await new Promise(() => setInterval(() => {}, 1000));\n');
    const started = Date.now();
    const verdict = await attemptProgram(pg.redis, step, dir, { timeoutMs: 1500 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(verdict.failure?.message).toBe(
      'Your program did not finish within 2 s, so the tutor stopped it: is there a loop in `greet.mjs` that never ends, or an `await` that never gets its answer?',
    );
  });

  it('a program that never closes its client is told to quit it', async () => {
    write(`${PRELUDE}await client.set('greeting', 'hello alice');\nconsole.log('hello alice');\n`);
    // Time enough for node to start and import node-redis on a busy machine, so its main part is done.
    const verdict = await attemptProgram(pg.redis, step, dir, { timeoutMs: 4000 });
    expect(verdict.failure?.message).toContain('Your program did not end: after 4 s its Redis client was still connected, so the tutor stopped it. Did you close the client at the end of `greet.mjs`, with `await client.quit()`');
  });

  it('passes arguments and environment as a shell would, and says a rerun as one', async () => {
    write('console.log(JSON.stringify([process.argv.slice(2), process.env.N, process.env.REDIS_URL]));\n');
    const run = await runNode({ dir, file: step.file, url: 'redis://x:1/15', args: ['500', '--all'], env: { N: '민수', REDIS_URL: 'ignored' } });
    expect(JSON.parse(run.stdout)).toEqual([['500', '--all'], '민수', 'redis://x:1/15']);
    expect(rerunCommand('a.mjs', { env: { NAME: "o'brien" }, args: ['500'] })).toBe(`NAME='o'\\''brien' node a.mjs 500`);
    expect(lineInFile('x\n    at file:///w/a%20b.mjs:7:3', '/w/a b.mjs')).toBe(7);
  });
});

describe('the code step, played', () => {
  it('a learner runs the starter (not yet), edits the file, runs again (done); the next step sees the data', async () => {
    const player = scriptedPlayer(['run', 'hint', 'run', 'run'], [], ['', '']);
    const ctx = { ...context(pg.redis, player), code: { workspace: () => dir } };
    // Their editor saves the file between the prompts: here, between the second and third `run`.
    const line = player.line.bind(player);
    player.line = async (prompt, s) => {
      if (player.prompts === 2) write(`${PRELUDE}await client.set('greeting', 'hello alice');\nconsole.log(await client.get('greeting'));\nawait client.quit();\n`);
      if (player.prompts === 3) write(step.solution);
      return line(prompt, s);
    };
    const result = await playLesson(ctx, lesson, 0);
    const screen = ctx.screen.join('\n');
    expect(result.state.outcomes).toEqual({ greet: 'passed', look: 'passed' });
    expect(screen).toContain(`Open ${path.join(dir, 'greet.mjs')} in your editor`);
    expect(screen).toContain('Not yet: greeting should be the string "hello alice"; it does not exist.');
    expect(screen).toContain('Hint 1/1:');
    expect(screen).toContain('│ hello alice');
    expect(screen).toContain('Running it again with other input: NAME=민수 node greet.mjs');
    expect(screen.replace(/\n/g, ' ')).toContain("Right with the step's own input, but not when run again as NAME=민수 node greet.mjs");
    expect(screen).toContain('Done!');
    expect(screen).toMatch(/GET greeting\n"hello 민수"/);
  });

  it('solution writes the reference beside their file, shows it and runs it', async () => {
    const ctx = { ...context(pg.redis, scriptedPlayer(['solution'], [], [''])), code: { workspace: () => dir } };
    const result = await playLesson(ctx, lesson, 0);
    expect(result.state.outcomes.greet).toBe('shown');
    expect(readFileSync(path.join(dir, 'greet.solution.mjs'), 'utf8')).toBe(step.solution);
    expect(readFileSync(path.join(dir, 'greet.mjs'), 'utf8')).toBe(step.starter);
    expect(ctx.screen.join('\n')).toContain("await client.set('greeting', `hello ${name}`);");
  });

  it('autoplay runs the solution and passes', async () => {
    const ctx = context(pg.redis, autoPlayer());
    const result = await playLesson(ctx, lesson, 0);
    expect(result.allPassed).toBe(true);
    expect(ctx.screen.join('\n')).toContain('✓ checks hold');
  });

  it('a lesson resumed after a code step finds the data its solution program left (reruns included)', async () => {
    const ctx = context(pg.redis, scriptedPlayer([], [], ['']));
    const result = await playLesson(ctx, lesson, 1);
    expect(result.state.status).toBe('finished');
    expect(ctx.screen.join('\n')).toMatch(/GET greeting\n"hello 민수"/);
  });
});

describe('rebuilding through a code step', () => {
  it('runs its solution program once; later rebuilds write back what it left, TTL and all', async () => {
    const withTtl: Lesson = { ...lesson, steps: [{ ...step, reruns: [], solution: step.solution.replace("await client.quit();", "await client.expire('greeting', 600);\nawait client.hSet('h', { a: '1', b: '민수' });\nawait client.zAdd('z', [{ score: 1.5, value: 'x' }]);\nawait client.quit();") }, lesson.steps[1]!] };
    let started = Date.now();
    await rebuildState(pg.redis, withTtl, 1);
    const first = Date.now() - started;
    await pg.redis.execute('FLUSHDB');
    started = Date.now();
    await rebuildState(pg.redis, withTtl, 1);
    expect(Date.now() - started).toBeLessThan(first);
    expect((await pg.redis.execute('GET greeting')).text).toBe('"hello alice"');
    expect(Number((await pg.redis.execute('TTL greeting')).text.replace('(integer) ', ''))).toBeGreaterThan(590);
    expect((await pg.redis.execute('HGET h b')).text).toBe('"민수"');
    expect((await pg.redis.execute('ZSCORE z x')).text).toBe('"1.5"');
  });
});

describe('the learner\'s words at a code prompt', () => {
  it('실행 and run typed in the Korean layout (ㄱㅕㅜ) run the file; Korean messages in 해요체', async () => {
    const ctx = { ...context(pg.redis, scriptedPlayer(['실행', 'ㄱㅕㅜ'], [], ['']), 'ko'), code: { workspace: () => dir } };
    setLanguage('ko');
    try {
      await expect(playLesson(ctx, lesson, 0)).rejects.toThrow();
    } finally {
      setLanguage('en');
    }
    const screen = ctx.screen.join('\n');
    expect(screen).toContain(`편집기에서 ${path.join(dir, 'greet.mjs')} 파일을 열고`);
    expect(screen.match(/node greet\.mjs 실행:/g)).toHaveLength(2);
    expect(screen.replace(/\n/g, ' ')).toContain('프로그램의 출력에 이 내용이 있어야 해요: "hello alice". 실제 출력: (없음).');
  });

  it('shows the first 200 lines of output, then says the rest is not shown', async () => {
    write('for (let i = 1; i <= 300; i++) console.log(`line ${i}`);\n');
    const ctx = { ...context(pg.redis, scriptedPlayer(['run'])), code: { workspace: () => dir } };
    await expect(playLesson(ctx, lesson, 0)).rejects.toThrow();
    const screen = ctx.screen.join('\n');
    expect(screen).toContain('│ line 200\n(only the first 200 lines of output are shown)');
    expect(screen).not.toContain('line 201');
  });

  it('retry puts the data back and offers the starter back, keeping theirs as .bak', async () => {
    write('// mine\n');
    const player = scriptedPlayer(['retry'], [1]);
    const ctx = { ...context(pg.redis, player), code: { workspace: () => dir } };
    await expect(playLesson(ctx, lesson, 0)).rejects.toThrow();
    const screen = ctx.screen.join('\n');
    expect(screen).toContain('Your file');
    expect(screen).toContain('The starter is back; your version is in greet.mjs.bak.');
    expect(readFileSync(path.join(dir, 'greet.mjs'), 'utf8')).toBe(step.starter);
    expect(readFileSync(path.join(dir, 'greet.mjs.bak'), 'utf8')).toBe('// mine\n');
  });

  it('a program that empties the playground leaves the marker in place (a server the tutor did not start)', async () => {
    write(`${PRELUDE}await client.flushDb();\nawait client.quit();\n`);
    await attemptProgram(pg.redis, step, dir);
    expect((await pg.redis.execute(`EXISTS ${PLAYGROUND_MARKER}`)).text).toBe('(integer) 1');
  });
});

describe('lessons check', () => {
  it('proves the fixture: the starter fails, the solution passes, each wrong program gets its feedback', { timeout: 30_000 }, async () => {
    const proof = await proveLesson(pg.redis, lesson);
    expect(proof.problems).toEqual([]);
    expect([proof.codes, proof.wrongs]).toEqual([1, 2]);
  });

  it('names a starter that already passes, and a wrong program with other feedback', { timeout: 30_000 }, async () => {
    const broken: Lesson = { ...lesson, steps: [{ ...step, starter: step.solution, wrong: [{ program: 'console.log(1)\n', feedback: 'something else' }] }, lesson.steps[1]!] };
    const proof = await proveLesson(pg.redis, broken);
    expect(proof.problems.map((p) => [p.path, p.expected])).toEqual([
      ['steps[0] (greet).starter', 'a starter the checks reject (the learner has something to write)'],
      ['steps[0] (greet).wrong[0].feedback', 'feedback containing "something else"'],
    ]);
  });
});
