import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proveLesson } from '../../src/runner/verify.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { fixtureCourse, lessonOf, playground } from './harness.js';

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

describe('proveLesson (lessons check)', () => {
  it('proves the fixture course: try steps fail first, pass with their solution, wrong answers get their feedback', async () => {
    // One after the other: both lessons use the same playground.
    const proofs = [];
    for (const lesson of fixtureCourse()) proofs.push(await proveLesson(pg.redis, lesson));
    expect(proofs.map((p) => [p.lesson.id, p.tries, p.wrongs, p.problems])).toEqual([
      ['basics', 2, 1, []],
      ['more', 1, 0, []],
    ]);
  });

  it('catches a step already solved by the steps before it', async () => {
    const lesson = lessonOf(`
  - { id: a, kind: run, commands: [SET k v] }
  - { id: b, kind: try, text: T, solution: [SET k v], checks: [{ key: k, string: v }] }`);
    const proof = await proveLesson(pg.redis, lesson);
    expect(proof.problems).toEqual([{ file: 't.yaml', path: 'steps[1] (b).checks', expected: 'checks that fail before the learner has typed anything', found: 'they all hold already' }]);
  });

  it('catches a solution that does not pass, saying which check still fails', async () => {
    const lesson = lessonOf(`
  - { id: a, kind: try, text: T, solution: [LPUSH l a b], checks: [{ key: l, list: [a, b] }] }`);
    const proof = await proveLesson(pg.redis, lesson);
    expect(proof.problems).toEqual([
      { file: 't.yaml', path: 'steps[0] (a).solution', expected: 'a solution that makes every check hold', found: 'l should be the list ["a", "b"]; it is ["b", "a"].' },
    ]);
  });

  it('proves every recorded right answer passes, and names one the checks reject', async () => {
    const lesson = lessonOf(`
  - id: a
    kind: try
    text: T
    solution: [RPUSH l a b]
    checks: [{ key: l, list: [a, b] }, { uses: [RPUSH, LPUSH] }]
    right:
      - commands: [RPUSH l a, RPUSH l b]
      - commands: [LPUSH l b a]
      - commands: [LPUSH l a b]`);
    const proof = await proveLesson(pg.redis, lesson);
    expect(proof.rights).toBe(3);
    expect(proof.problems).toEqual([
      { file: 't.yaml', path: 'steps[0] (a).right[2]', expected: 'another right answer, which the checks accept', found: 'l should be the list ["a", "b"]; it is ["b", "a"].' },
    ]);
  });

  it('catches a recorded wrong answer that passes, or that gets other feedback than the file says', async () => {
    const lesson = lessonOf(`
  - id: a
    kind: try
    text: T
    solution: [RPUSH l a b]
    checks: [{ key: l, list: [a, b] }]
    wrong:
      - { commands: [RPUSH l a b], feedback: anything }
      - { commands: [SET l x], feedback: it is a hash }`);
    const proof = await proveLesson(pg.redis, lesson);
    expect(proof.problems.map((p) => `${p.path}: ${p.expected} / ${p.found}`)).toEqual([
      'steps[0] (a).wrong[0]: commands the checks reject / every check holds',
      'steps[0] (a).wrong[1].feedback: feedback containing "it is a hash" / "l should be a list of 2 items; it is a string."',
    ]);
  });

  it('catches a command line redis-cli could not split, before running anything', async () => {
    const lesson = lessonOf(`
  - { id: a, kind: run, commands: ['SET k "unclosed'] }
  - { id: b, kind: try, text: T, solution: [SET k v], checks: [{ key: k, string: v }] }`);
    const proof = await proveLesson(pg.redis, lesson);
    expect(proof.problems).toEqual([{ file: 't.yaml', path: 'steps[0] (a)', expected: 'command lines redis-cli can split', found: '"SET k \\"unclosed"' }]);
    expect(proof.tries).toBe(0);
  });
});
