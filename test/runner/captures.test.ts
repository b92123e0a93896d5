import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCaptures } from '../../src/course/captures.js';
import { parseLesson } from '../../src/course/parse.js';
import type { Lesson } from '../../src/course/schema.js';
import { playLesson } from '../../src/runner/play.js';
import { proveLesson } from '../../src/runner/verify.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { context, playground, scriptedPlayer } from './harness.js';

/** Captured values (R9): `{id}` in a check stands for the reply of the learner's INCR in the step. */

let server: TestRedis;
let pg: Awaited<ReturnType<typeof playground>>;
beforeAll(async () => {
  server = await startRedis();
  pg = await playground(server);
});
afterAll(async () => {
  await pg?.close();
  await server?.stop();
});

const NEXT_ID = `format_version: 2
id: t
order: 1
title: T
goal: G
minutes: 1
min_redis: "6.2"
steps:
  - id: next-id
    kind: try
    setup: [SET next:msg:id 2]
    text: Give the next message an id, and store hi under msg:<id>.
    capture: { id: { reply_of: INCR } }
    checks:
      - { key: "msg:{id}", string: hi }
    solution: [INCR next:msg:id, 'SET msg:3 hi']
    right:
      - commands: [INCRBY next:msg:id 1, INCR next:msg:id, 'SET msg:4 hi']
    wrong:
      - commands: ['SET msg:3 hi']
        feedback: uses the reply of your INCR
      - commands: [INCR next:msg:id, 'SET msg:2 hi']
        feedback: msg:3 should be the string "hi"; it does not exist.
`;

const lesson = (): Lesson => {
  const result = parseLesson(NEXT_ID, 't.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.lesson;
};

describe('fillCaptures (pure)', () => {
  it('fills declared names in keys and expected values, and leaves a Cluster hash tag alone', () => {
    expect(
      fillCaptures(
        [
          { kind: 'string', key: 'msg:{id}', value: 'id {id}' },
          { kind: 'set', key: '{room:1}:members', members: ['{id}'] },
          { kind: 'any_of', groups: [[{ kind: 'exists', key: 'x:{id}', exists: true }], [{ kind: 'reply', reply: '(integer) {id}' }]] },
        ],
        { id: '7' },
      ),
    ).toEqual([
      { kind: 'string', key: 'msg:7', value: 'id 7' },
      { kind: 'set', key: '{room:1}:members', members: ['7'] },
      { kind: 'any_of', groups: [[{ kind: 'exists', key: 'x:7', exists: true }], [{ kind: 'reply', reply: '(integer) 7' }]] },
    ]);
  });
});

describe('a step that checks a key named by a reply', () => {
  it('lessons check proves it: fails first, passes with the solution and the other right answer, and each wrong answer gets its feedback', async () => {
    const proof = await proveLesson(pg.redis, lesson());
    expect(proof.problems).toEqual([]);
    expect([proof.tries, proof.rights, proof.wrongs]).toEqual([1, 1, 2]);
  });

  it('a learner who writes first is told to run INCR first; the INCR that gives that id then passes the step', async () => {
    const ctx = context(pg.redis, scriptedPlayer(['SET msg:3 hi', 'INCR next:msg:id']));
    const result = await playLesson(ctx, lesson(), 0);
    expect(ctx.screen.join('\n')).toMatch(/OK\nNot yet: This step uses the reply of your INCR: run it first\.\n\(integer\) 3\nDone!/);
    expect(result.state.outcomes).toEqual({ 'next-id': 'passed' });
  });

  it('an id stored under the wrong number is named with the number INCR gave', async () => {
    const ctx = context(pg.redis, scriptedPlayer(['INCR next:msg:id', 'SET msg:2 hi', 'SET msg:3 hi']));
    const result = await playLesson(ctx, lesson(), 0);
    expect(ctx.screen.join('\n')).toContain('Not yet: msg:3 should be the string "hi"; it does not exist.');
    expect(result.state.outcomes).toEqual({ 'next-id': 'passed' });
  });
});
